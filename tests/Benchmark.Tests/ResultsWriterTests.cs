using System.Text.Json;

namespace NeuralPredictivity.Benchmark.Tests;

public sealed class ResultsWriterTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("np-writer-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void NeuronsCsvHasOneRowPerNeuronAndFoldWithUnitsInColumnNames()
    {
        var result = SyntheticRun.Create();

        ResultsWriter.WriteData(_root, result);

        var lines = File.ReadAllLines(Path.Combine(_root, ResultsWriter.NeuronsFile));
        Assert.Equal("neuron_id,fold,r,r2,alpha,alpha_at_grid_edge,pls_components,train_bins,test_bins,neuron_r," +
            "ceiling_rho,r_norm,r2_norm,mean_rate_hz,bins_used,included,exclusion", lines[0]);
        Assert.Equal(1 + 6 * 3, lines.Length);
        Assert.StartsWith("T01C1,0,0.84,0.425,1,False,,60,30,0.85,0.8,", lines[1]);
        Assert.Contains(lines, l => l.StartsWith("T02C1,", StringComparison.Ordinal) && l.Contains(",NaN,")
            && l.EndsWith(",False,ceiling undefined: split-half r ≤ 0", StringComparison.Ordinal));
    }

    [Fact]
    public void SummaryJsonKeepsUndefinedValuesAsNaNAndListsExclusions()
    {
        var result = SyntheticRun.Create();

        ResultsWriter.WriteData(_root, result);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_root, ResultsWriter.SummaryJsonFile)));
        var root = json.RootElement;
        Assert.Equal(0.95, root.GetProperty("median_r_norm").GetProperty("estimate").GetDouble());
        Assert.Equal(2, root.GetProperty("neurons_excluded").GetArrayLength());
        Assert.Equal("T02C1", root.GetProperty("neurons_excluded")[0].GetProperty("neuron_id").GetString());
        Assert.Equal(94, root.GetProperty("bins_used").GetInt32());
        var summaryCsv = File.ReadAllLines(Path.Combine(_root, ResultsWriter.SummaryCsvFile));
        Assert.Equal(2, summaryCsv.Length);
    }

    [Fact]
    public void SummaryCsvEndsWithTheMatchColumnsEmptyWithoutAMatchAndReadsBackFromOlderFilesWithoutThem()
    {
        var result = SyntheticRun.Create();
        ResultsWriter.WriteData(_root, result);
        var path = Path.Combine(_root, ResultsWriter.SummaryCsvFile);
        var lines = File.ReadAllLines(path);
        Assert.EndsWith(",bins_dropped,match_target_pr,match_within_tolerance", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(",,", lines[1], StringComparison.Ordinal);

        // A unit written before the two columns existed (a sweep resumed across versions) still merges.
        var older = Path.Combine(_root, "older.csv");
        File.WriteAllLines(older, lines.Select(l => l[..l.LastIndexOf(',', l.LastIndexOf(',') - 1)]));
        var row = Assert.Single(CsvFiles.Read<SummaryRow>(older));
        Assert.Null(row.MatchTargetPr);
        Assert.Null(row.MatchWithinTolerance);
        Assert.Equal(94, row.BinsUsed);
    }

    [Fact]
    public void SameResultGivesByteIdenticalFiles()
    {
        var first = Path.Combine(_root, "a");
        var second = Path.Combine(_root, "b");
        Directory.CreateDirectory(first);
        Directory.CreateDirectory(second);

        ResultsWriter.WriteData(first, SyntheticRun.Create());
        ResultsWriter.WriteData(second, SyntheticRun.Create());

        foreach (var file in Directory.EnumerateFiles(first).Select(Path.GetFileName))
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, file!)), File.ReadAllBytes(Path.Combine(second, file!)));
        }
    }

    [Fact]
    public void MapsCsvListsEveryBinOfEveryNeuronWithBlankBinsAsNaN()
    {
        var result = SyntheticRun.Create();

        ResultsWriter.WriteData(_root, result);

        var rows = CsvFiles.Read<MapRow>(Path.Combine(_root, ResultsWriter.MapsFile));
        Assert.Equal(6 * 100, rows.Count);
        var unvisited = rows.Single(r => r.NeuronId == "T01C1" && r.Bin == 3);
        Assert.True(double.IsNaN(unvisited.ActualHz));
        Assert.Equal((3, 0, -15.0, -45.0), (unvisited.Column, unvisited.Row, unvisited.XCm, unvisited.YCm));
    }

    [Fact]
    public void ManifestHashesEveryOtherFile()
    {
        var result = SyntheticRun.Create();
        ResultsWriter.WriteData(_root, result);

        ResultsWriter.WriteManifest(_root, TestManifests.For(result));

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_root, ResultsWriter.ManifestFile)));
        var hashes = json.RootElement.GetProperty("output_sha256");
        Assert.Equal(InputFile.Hash("x", Path.Combine(_root, ResultsWriter.NeuronsFile)).Sha256,
            hashes.GetProperty(ResultsWriter.NeuronsFile).GetString());
        Assert.Equal(4, hashes.EnumerateObject().Count());
        Assert.Equal(5.0, json.RootElement.GetProperty("settings").GetProperty("bin_size_cm").GetDouble());
        Assert.Equal("blocked", json.RootElement.GetProperty("settings").GetProperty("folds").GetString());
        Assert.Equal(-50.0, json.RootElement.GetProperty("grid").GetProperty("x_edges_cm")[0].GetDouble());
    }
}
