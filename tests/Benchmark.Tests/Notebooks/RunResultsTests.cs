namespace NeuralPredictivity.Benchmark.Tests;

public sealed class RunResultsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("np-results-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(RunResult result, string name = "run")
    {
        var folder = Path.Combine(_root, name);
        Directory.CreateDirectory(folder);
        ResultsWriter.WriteData(folder, result);
        ResultsWriter.WriteManifest(folder, TestManifests.For(result));
        return folder;
    }

    [Fact]
    public void ReadsBackEveryNeuronWithItsFoldsAndExclusion()
    {
        var result = SyntheticRun.Create();

        var read = RunResults.Read(Write(result));

        Assert.Equal(result.Neurons.Select(n => n.NeuronId), read.Neurons.Select(n => n.NeuronId));
        foreach (var (written, back) in result.Neurons.Zip(read.Neurons))
        {
            // Shortest round-trip formatting: doubles come back bit for bit, NaN included.
            Assert.Equal(written.R, back.R);
            Assert.Equal(written.RNorm, back.RNorm);
            Assert.Equal(written.R2Norm, back.R2Norm);
            Assert.Equal(written.Ceiling, back.CeilingRho);
            Assert.Equal(written.MeanRateHz, back.MeanRateHz);
            Assert.Equal(written.Exclusion, back.Exclusion);
            Assert.Equal(written.Exclusion is null, back.Included);
            Assert.Equal(written.Folds.Select(f => f.R), back.FoldR);
        }
    }

    [Fact]
    public void ReadsTheSummarySettingsGridAndMaps()
    {
        var result = SyntheticRun.Create();

        var read = RunResults.Read(Write(result));

        Assert.Equal(result.Summary.MedianRNorm, read.Summary.MedianRNorm);
        Assert.Equal(result.Summary.NeuronsExcluded, read.Summary.NeuronsExcluded);
        Assert.Equal(result.Settings.Model, read.Settings.Model);
        Assert.Equal(result.Settings.Alphas, read.Settings.Alphas);
        Assert.Equal(result.Grid, read.Grid);
        Assert.NotNull(read.Actual);
        Assert.NotNull(read.Predicted);
        Assert.Equal(result.Actual.Values, read.Actual.Values);
        Assert.Equal(result.Predicted, read.Predicted.Values);
        Assert.Equal(result.Actual.ColumnIds, read.Predicted.ColumnIds);
    }

    [Fact]
    public void ARunWithoutMapsHasNoMaps()
    {
        var result = SyntheticRun.Create(new RunSettings { Model = "grid-cells:d=8", WriteMaps = false });

        var read = RunResults.Read(Write(result));

        Assert.Null(read.Actual);
        Assert.Null(read.Predicted);
        Assert.Equal(6, read.Neurons.Count);
    }

    [Fact]
    public void NeuronLookupNamesTheKnownIds()
    {
        var read = RunResults.Read(Write(SyntheticRun.Create()));

        Assert.Equal(0.85, read.Neuron("T01C1").R);
        var error = Assert.Throws<KeyNotFoundException>(() => read.Neuron("T99C9"));
        Assert.Contains("T01C1, T01C2", error.Message);
    }

    [Fact]
    public void AnUnfinishedFolderNamesTheMissingFile()
    {
        var folder = Write(SyntheticRun.Create());
        File.Delete(Path.Combine(folder, "neurons.csv"));

        var error = Assert.Throws<FileNotFoundException>(() => RunResults.Read(folder));

        Assert.Contains("no neurons.csv", error.Message);
        Assert.Throws<DirectoryNotFoundException>(() => RunResults.Read(Path.Combine(_root, "absent")));
    }

    [Fact]
    public void MapsOfAnotherRunAreRefused()
    {
        var folder = Write(SyntheticRun.Create());
        var maps = Path.Combine(folder, "maps.csv");
        File.WriteAllText(maps, File.ReadAllText(maps).Replace("T03C2,", "T09C9,", StringComparison.Ordinal));

        var error = Assert.Throws<InvalidDataException>(() => RunResults.Read(folder));

        Assert.Contains("'T09C9' is not in neurons.csv", error.Message);
    }

    [Fact]
    public void AMalformedSummaryIsInvalidData()
    {
        var folder = Write(SyntheticRun.Create());
        File.WriteAllText(Path.Combine(folder, "summary.json"), "{ not json");

        var error = Assert.Throws<InvalidDataException>(() => RunResults.Read(folder));

        Assert.Contains("summary.json", error.Message);
    }
}
