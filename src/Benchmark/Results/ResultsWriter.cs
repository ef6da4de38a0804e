using System.Diagnostics;

namespace NeuralPredictivity.Benchmark;

/// <summary>Writes a <see cref="RunResult"/> as the files of a results folder.</summary>
/// <remarks>
/// Files: <c>neurons.csv</c> (<see cref="NeuronFoldRow"/>), <c>summary.csv</c> (<see cref="SummaryRow"/>),
/// <c>summary.json</c> (<see cref="RunSummary"/>), optionally <c>maps.csv</c> (<see cref="MapRow"/>)
/// and the figures, and last <c>manifest.json</c> (<see cref="RunManifest"/>), which lists the
/// SHA-256 of all the others. Callers write into an <see cref="AtomicFolder"/>'s work path.
/// </remarks>
internal static class ResultsWriter
{
    internal const string NeuronsFile = "neurons.csv";
    internal const string SummaryCsvFile = "summary.csv";
    internal const string SummaryJsonFile = "summary.json";
    internal const string MapsFile = "maps.csv";
    internal const string ManifestFile = AtomicFolder.MarkerFile;

    /// <summary>Writes the data files (everything but figures and the manifest).</summary>
    internal static void WriteData(string folder, RunResult result)
    {
        CsvFiles.Write(Path.Combine(folder, NeuronsFile), NeuronRows(result));
        CsvFiles.Write(Path.Combine(folder, SummaryCsvFile), [SummaryRow.From(result.Summary)]);
        ResultsJson.Write(Path.Combine(folder, SummaryJsonFile), result.Summary);
        if (result.Settings.WriteMaps)
        {
            CsvFiles.Write(Path.Combine(folder, MapsFile), MapRows(result));
        }
    }

    /// <summary>Writes <c>manifest.json</c> with the hash of every file already in the folder.</summary>
    internal static void WriteManifest(string folder, RunManifest manifest)
    {
        var hashes = Directory.EnumerateFiles(folder)
            .Where(f => Path.GetFileName(f) != ManifestFile)
            .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
            .ToDictionary(f => Path.GetFileName(f), f => InputFile.Hash("output", f).Sha256);
        ResultsJson.Write(Path.Combine(folder, ManifestFile), manifest with { OutputSha256 = hashes });
    }

    internal static IEnumerable<NeuronFoldRow> NeuronRows(RunResult result)
    {
        var binsUsed = result.RegressionBins.Count(b => b);
        foreach (var neuron in result.Neurons)
        {
            foreach (var fold in neuron.Folds)
            {
                yield return new NeuronFoldRow
                {
                    NeuronId = neuron.NeuronId,
                    Fold = fold.Fold,
                    R = fold.R,
                    R2 = fold.R2,
                    Alpha = fold.Alpha,
                    AlphaAtGridEdge = fold.AlphaAtGridEdge,
                    PlsComponents = fold.Components,
                    TrainBins = fold.TrainBins,
                    TestBins = fold.TestBins,
                    NeuronR = neuron.R,
                    CeilingRho = neuron.Ceiling,
                    RNorm = neuron.RNorm,
                    R2Norm = neuron.R2Norm,
                    MeanRateHz = neuron.MeanRateHz,
                    BinsUsed = binsUsed,
                    Included = neuron.Exclusion is null,
                    Exclusion = neuron.Exclusion,
                };
            }
        }
    }

    internal static IEnumerable<MapRow> MapRows(RunResult result)
    {
        var grid = result.Grid;
        Debug.Assert(result.Predicted.GetLength(0) == grid.BinCount, "predictions cover every bin");
        for (var neuron = 0; neuron < result.Actual.ColumnCount; neuron++)
        {
            for (var bin = 0; bin < grid.BinCount; bin++)
            {
                var (column, row) = grid.BinCoordinates(bin);
                var (x, y) = grid.BinCentre(bin);
                yield return new MapRow
                {
                    NeuronId = result.Actual.ColumnIds[neuron],
                    Bin = bin,
                    Column = column,
                    Row = row,
                    XCm = x,
                    YCm = y,
                    ActualHz = result.Actual.Values[bin, neuron],
                    PredictedHz = result.Predicted[bin, neuron],
                };
            }
        }
    }
}
