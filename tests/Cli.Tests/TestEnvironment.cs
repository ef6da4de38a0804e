using System.Runtime.CompilerServices;

namespace NeuralPredictivity.Cli.Tests;

/// <summary>Keeps tests away from the user's home: the dataset registry lives in a temporary file.</summary>
internal static class TestEnvironment
{
    internal static readonly string RegistryPath =
        Path.Combine(Path.GetTempPath(), $"np-cli-tests-registry-{Environment.ProcessId}.json");

    [ModuleInitializer]
    internal static void Initialise()
    {
        Environment.SetEnvironmentVariable("NEURALPREDICTIVITY_REGISTRY", RegistryPath);
    }

    /// <summary>The repository root, found by walking up to NeuralPredictivity.sln.</summary>
    internal static string RepoRoot
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "NeuralPredictivity.sln")))
            {
                folder = folder.Parent;
            }

            return folder?.FullName
                ?? throw new DirectoryNotFoundException("NeuralPredictivity.sln not found above the tests.");
        }
    }

    /// <summary>A small recording made by tests/Datasets.Tests/Fixtures/make_fixtures.py.</summary>
    internal static string DatasetFixture(string name) =>
        Path.Combine(RepoRoot, "tests", "Datasets.Tests", "Fixtures", name);

    /// <summary>The first half of a valid native recording, in a new folder: a copy cut short in transfer.</summary>
    internal static string TruncatedRecording()
    {
        var good = File.ReadAllBytes(DatasetFixture("good_native.h5"));
        var path = Path.Combine(NewFolder("np-cli-cut-"), "cut.h5");
        File.WriteAllBytes(path, good[..(good.Length / 2)]);
        return path;
    }

    /// <summary>A real NWB 2.4 file from pynapple's tests: three units and no position.</summary>
    internal static string UnitsOnlyNwb => Path.Combine(RepoRoot, "data", "nwb", "A8604-211122.nwb");

    /// <summary>A new empty folder under the system's temporary folder.</summary>
    internal static string NewFolder(string prefix) => Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary><see cref="Small"/> with some options given other values (or added).</summary>
    internal static string[] SmallWith(params string[] optionValuePairs)
    {
        var args = Small.ToList();
        for (var i = 0; i + 1 < optionValuePairs.Length; i += 2)
        {
            var at = args.IndexOf(optionValuePairs[i]);
            if (at >= 0)
            {
                args[at + 1] = optionValuePairs[i + 1];
            }
            else
            {
                args.AddRange([optionValuePairs[i], optionValuePairs[i + 1]]);
            }
        }

        return [.. args];
    }

    /// <summary>Options that make a run CI-sized: Sargolini et al. 2006 session (8 neurons, 100 cm box) on
    /// 10 cm bins, 3 folds, few reliability draws and bootstrap resamples, 5 trajectory batches.</summary>
    internal static string[] Small =>
    [
        "--dataset", "sargolini2006_10073-17010302", "--bin-size", "10", "--fold-count", "3", "--block-size", "30",
        "--reliability-draws", "2", "--bootstrap", "200", "--trajectory-batches", "5", "--verbosity", "quiet",
    ];
}
