namespace NeuralPredictivity.Benchmark;

/// <summary>The provenance of one results folder, written to <c>manifest.json</c>.</summary>
/// <remarks>
/// Holds every setting and seed, the toolkit version and git commit, the inputs by SHA-256, the grid
/// edges (so any figure can be redrawn) and the SHA-256 of every other file in the folder. It is the
/// only file with wall-clock content (start time, timings per phase); the CSV and summary files are
/// byte-identical for identical settings and inputs.
/// </remarks>
internal sealed record RunManifest
{
    internal const string SchemaName = "neuralpredictivity-run/1";

    public string Schema { get; init; } = SchemaName;
    public required string ToolkitVersion { get; init; }
    public required string? GitCommit { get; init; }
    public required IReadOnlyList<string> CommandLine { get; init; }
    public required RunSettings Settings { get; init; }
    public required string ProtocolLabel { get; init; }
    public required IReadOnlyDictionary<string, int> Seeds { get; init; }
    public required string ModelDescription { get; init; }
    public required IReadOnlyList<InputFile> Inputs { get; init; }
    public required ManifestGrid Grid { get; init; }
    public required ManifestMachine Machine { get; init; }
    public required DateTimeOffset StartedUtc { get; init; }
    public required IReadOnlyDictionary<string, double> TimingsSeconds { get; init; }
    public required IReadOnlyDictionary<string, string> OutputSha256 { get; init; }
}

/// <summary>Bin edges of the run's grid in cm.</summary>
internal sealed record ManifestGrid(IReadOnlyList<double> XEdgesCm, IReadOnlyList<double> YEdgesCm, int BinCount);

/// <summary>Where the run ran.</summary>
internal sealed record ManifestMachine(string Runtime, string OperatingSystem, int Cores, int ComputeThreads);
