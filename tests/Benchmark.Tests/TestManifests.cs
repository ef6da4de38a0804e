namespace NeuralPredictivity.Benchmark.Tests;

internal static class TestManifests
{
    internal static RunManifest For(RunResult result) => new()
    {
        ToolkitVersion = "test",
        GitCommit = null,
        CommandLine = ["test"],
        Settings = result.Settings,
        ProtocolLabel = RunProtocol.Label(result.Settings),
        Seeds = result.Settings.DerivedSeeds(),
        ModelDescription = result.Summary.ModelDescription,
        Inputs = [],
        Grid = new ManifestGrid(result.Grid.XEdges, result.Grid.YEdges, result.Grid.BinCount),
        Machine = new ManifestMachine("test", "test", 1, 1),
        StartedUtc = DateTimeOffset.UnixEpoch,
        TimingsSeconds = new Dictionary<string, double> { ["write"] = 0.1 },
        OutputSha256 = new Dictionary<string, string>(),
    };
}
