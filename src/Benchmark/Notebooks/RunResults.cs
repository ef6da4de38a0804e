using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Benchmark;

/// <summary>A results folder of <c>predictivity run</c> read back into typed values.</summary>
/// <remarks>
/// Reads only the files (<c>summary.json</c>, <c>manifest.json</c>, <c>neurons.csv</c> and, when present,
/// <c>maps.csv</c>), never refits, so any figure of a finished run can be redrawn. CSV records are
/// compiled into this assembly (CsvHelper 34 generates record readers at build time, which a notebook cell
/// cannot do). The grid is rebuilt from the bin edges in the manifest; the maps are (bins × neurons) in
/// <c>neurons.csv</c> order.
/// </remarks>
public sealed class RunResults
{
    private RunResults(string folder, RunSummary summary, RunSettings settings, SpatialGrid grid,
        IReadOnlyList<NeuronResult> neurons, SpatialMaps? actual, SpatialMaps? predicted)
    {
        Folder = folder;
        Summary = summary;
        Settings = settings;
        Grid = grid;
        Neurons = neurons;
        Actual = actual;
        Predicted = predicted;
    }

    /// <summary>The results folder, full path.</summary>
    public string Folder { get; }

    /// <summary>Headline numbers (<c>summary.json</c>).</summary>
    public RunSummary Summary { get; }

    /// <summary>The settings the run used (from <c>manifest.json</c>).</summary>
    public RunSettings Settings { get; }

    /// <summary>The grid of every map of the run.</summary>
    public SpatialGrid Grid { get; }

    /// <summary>Per-neuron scores in recording order.</summary>
    public IReadOnlyList<NeuronResult> Neurons { get; }

    /// <summary>Actual rate maps (bins × neurons, Hz; NaN = unvisited), or null when the run wrote no
    /// <c>maps.csv</c>.</summary>
    public SpatialMaps? Actual { get; }

    /// <summary>Held-out predicted maps (bins × neurons, Hz; NaN outside the regression bins), or null when
    /// the run wrote no <c>maps.csv</c>.</summary>
    public SpatialMaps? Predicted { get; }

    /// <summary>The neuron with this id.</summary>
    /// <exception cref="KeyNotFoundException">No such neuron in the run.</exception>
    public NeuronResult Neuron(string neuronId) =>
        Neurons.FirstOrDefault(n => n.NeuronId == neuronId)
        ?? throw new KeyNotFoundException(
            $"{Folder}: no neuron '{neuronId}'; the run has {string.Join(", ", Neurons.Select(n => n.NeuronId))}.");

    /// <summary>Reads a results folder.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">A required file is missing (the run did not finish).</exception>
    /// <exception cref="InvalidDataException">A file is malformed or the files disagree.</exception>
    public static RunResults Read(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"{full}: no such results folder.");
        }

        var summary = ReadJson<RunSummary>(Required(full, ResultsWriter.SummaryJsonFile));
        var manifest = ReadJson<RunManifest>(Required(full, ResultsWriter.ManifestFile));
        var grid = new SpatialGrid(manifest.Grid.XEdgesCm, manifest.Grid.YEdgesCm);
        var rows = CsvFiles.Read<NeuronFoldRow>(Required(full, ResultsWriter.NeuronsFile));
        var neurons = rows.GroupBy(r => r.NeuronId)
            .Select(g =>
            {
                var first = g.First();
                return new NeuronResult(first.NeuronId, first.MeanRateHz, first.CeilingRho, first.NeuronR,
                    first.RNorm, first.R2Norm, first.Included,
                    string.IsNullOrEmpty(first.Exclusion) ? null : first.Exclusion,
                    g.OrderBy(r => r.Fold).Select(r => r.R).ToArray());
            })
            .ToList();

        SpatialMaps? actual = null, predicted = null;
        var mapsPath = Path.Combine(full, ResultsWriter.MapsFile);
        if (File.Exists(mapsPath))
        {
            (actual, predicted) = ReadMaps(mapsPath, grid, neurons.Select(n => n.NeuronId).ToList());
        }

        return new RunResults(full, summary, manifest.Settings, grid, neurons, actual, predicted);
    }

    private static (SpatialMaps Actual, SpatialMaps Predicted) ReadMaps(string path, SpatialGrid grid,
        IReadOnlyList<string> neuronIds)
    {
        var column = neuronIds.Select((id, j) => (id, j)).ToDictionary(p => p.id, p => p.j);
        var actual = new double[grid.BinCount, neuronIds.Count];
        var predicted = new double[grid.BinCount, neuronIds.Count];
        var seen = new bool[grid.BinCount, neuronIds.Count];
        var count = 0;
        foreach (var row in CsvFiles.Read<MapRow>(path))
        {
            if (!column.TryGetValue(row.NeuronId, out var j))
            {
                throw new InvalidDataException(
                    $"{path}: neuron '{row.NeuronId}' is not in neurons.csv; the files come from different runs.");
            }

            if (row.Bin < 0 || row.Bin >= grid.BinCount)
            {
                throw new InvalidDataException(
                    $"{path}: bin {row.Bin} of neuron '{row.NeuronId}' is outside the manifest's grid " +
                    $"({grid.BinCount} bins).");
            }

            actual[row.Bin, j] = row.ActualHz;
            predicted[row.Bin, j] = row.PredictedHz;
            count += seen[row.Bin, j] ? 0 : 1;
            seen[row.Bin, j] = true;
        }

        if (count != grid.BinCount * neuronIds.Count)
        {
            throw new InvalidDataException(
                $"{path}: expected every bin of every neuron ({grid.BinCount} × {neuronIds.Count} rows), " +
                $"found {count} distinct ones.");
        }

        return (new SpatialMaps(grid, actual, neuronIds), new SpatialMaps(grid, predicted, neuronIds));
    }

    private static T ReadJson<T>(string path)
    {
        try
        {
            return ResultsJson.Read<T>(path);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new InvalidDataException($"{path}: not a valid {typeof(T).Name} file: {e.Message}", e);
        }
    }

    private static string Required(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"{folder}: no {file}; this is not a finished results folder of predictivity run.", path);
    }
}
