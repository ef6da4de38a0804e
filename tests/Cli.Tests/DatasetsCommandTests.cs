using System.CommandLine;
using System.Globalization;
using NeuralPredictivity.Benchmark;
using NeuralPredictivity.Cli.Commands;
using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Cli.Tests;

/// <summary>End-to-end runs of <c>predictivity datasets</c> against a temporary registry.</summary>
public sealed class DatasetsCommandTests
{
    private readonly DatasetRegistry _registry = new(
        Path.Combine(Directory.CreateTempSubdirectory("np-cli-datasets-").FullName, "datasets.json"),
        DatasetRegistry.BundledDataDirectory(AppContext.BaseDirectory));

    [Fact]
    public void ListShowsTheBundledDatasetsAndTheRegistryPath()
    {
        var (code, output, _) = Run("datasets", "list");

        Assert.Equal(0, code);
        foreach (var name in DatasetRegistry.BundledNames)
        {
            Assert.Contains(name, output);
        }

        Assert.Contains(_registry.RegistryPath, output);
    }

    [Fact]
    public void ListShowsTheCheckoutsDataFolderForBundledDatasetsNotTheBuildOutput()
    {
        var (code, output, _) = Run("datasets", "list");

        Assert.Equal(0, code);
        var bundled = output.Split('\n').Where(l => l.Contains("  bundled  ", StringComparison.Ordinal)).ToList();
        Assert.Equal(DatasetRegistry.BundledNames.Count, bundled.Count);
        foreach (var name in DatasetRegistry.BundledNames)
        {
            var expected = Path.Combine(TestEnvironment.RepoRoot, "data", "mec", name + ".h5");
            Assert.Contains(bundled, l => l.StartsWith(name + " ", StringComparison.Ordinal)
                && l.TrimEnd().EndsWith("  " + expected, StringComparison.Ordinal));
        }

        Assert.DoesNotContain($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", output);
    }

    [Fact]
    public void InspectOfABundledDatasetShowsTheCheckoutsCopy()
    {
        var (code, output, _) = Run("datasets", "inspect", "sargolini2006_10073-17010302", "--draws", "2");

        Assert.Equal(0, code);
        var expected = Path.Combine(TestEnvironment.RepoRoot, "data", "mec", "sargolini2006_10073-17010302.h5");
        Assert.StartsWith($"sargolini2006_10073-17010302  (native, bundled)  {expected}", output);
    }

    [Fact]
    public void BundledDatasetsAreReadFromTheCheckoutInsideOneAndBesideTheAssembliesOutside()
    {
        var installed = Directory.CreateTempSubdirectory("np-cli-installed-").FullName;
        try
        {
            var checkoutData = Path.Combine(TestEnvironment.RepoRoot, "data", "mec");

            Assert.Equal(checkoutData, DatasetRegistry.BundledDataDirectory(AppContext.BaseDirectory));
            Assert.Equal(checkoutData, DatasetRegistry.Default().BundledDirectory);
            Assert.Equal(Path.Combine(installed, "data", "mec"), DatasetRegistry.BundledDataDirectory(installed));
        }
        finally
        {
            Directory.Delete(installed, recursive: true);
        }
    }

    [Fact]
    public void InspectOfBenPrintsTheRealFigures()
    {
        var (code, output, _) = Run("datasets", "inspect", "stensola2012_ben", "--draws", "2");

        Assert.Equal(0, code);
        Assert.Contains("duration   1252.83 s (31325 position samples, 0 lost", output);
        Assert.Contains("arena      square 150 × 150 cm", output);
        Assert.Contains("neurons    65 (341811 spikes; 27 outside the tracked interval dropped)", output);
        Assert.Contains("grid       30 × 30 bins of 5 cm (900 bins)", output);
        Assert.Contains("ceiling    median split-half ρ = ", output);
        Assert.Contains("T12C7", output);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("--seed 3 --bin-size 10 --min-speed 5 --smooth 1 --reliability-block 30 --reliability-draws 3",
        "--seed 3 --bin-size 10 --min-speed 5 --smooth 1 --reliability-block 30 --reliability-draws 3")]
    [InlineData("--seed 3 --bin-size 10 --min-speed 5 --smooth 1 --reliability-block 30 --reliability-draws 3",
        "--seed 3 --bin-size 10 --min-speed 5 --smoothing-sigma 1 --block-length 30 --draws 3")]
    public void InspectShowsTheCeilingsARunWithTheSameSettingsDividesBy(string runOptions, string inspectOptions)
    {
        const string dataset = "sargolini2006_10073-17010302";
        var folder = Path.Combine(Directory.CreateTempSubdirectory("np-cli-ceilings-").FullName, "run");
        var run = CliRunner.Invoke(["run", "--dataset", dataset, "--model", "random-fourier:d=4", "--bootstrap", "200",
            "--figures", "false", "--verbosity", "quiet", "--out", folder, .. Options(runOptions)]);

        var (code, output, _) = Run(
            ["datasets", "inspect", dataset, "--verbosity", "quiet", .. Options(inspectOptions)]);

        Assert.True(run.ExitCode == 0, run.AllOutput);
        Assert.Equal(0, code);
        var fromRun = File.ReadAllLines(Path.Combine(folder, "neurons.csv")).Skip(1)
            .Select(l => l.Split(','))
            .DistinctBy(f => f[0])
            .ToDictionary(f => f[0], f => Rounded(double.Parse(f[10], CultureInfo.InvariantCulture)));
        var table = output.Split('\n').SkipWhile(l => !l.StartsWith("neuron ", StringComparison.Ordinal)).Skip(1)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length >= 5)
            .ToDictionary(f => f[0], f => f[4]);
        Assert.Equal(8, fromRun.Count);
        Assert.Equal(fromRun, table);

        // The median line names the seed the draws used: the run's derived one, not --seed itself.
        var seed = Options(runOptions) is ["--seed", var text, ..] ? int.Parse(text, CultureInfo.InvariantCulture) : 0;
        var derived = new RunSettings { Seed = seed }.SeedFor(SeedPurpose.Reliability);
        Assert.Contains($"draws, seed {derived} derived from --seed {seed} as run derives it", output);
    }

    [Fact]
    public void InspectWritesRateMapPngs()
    {
        var folder = Directory.CreateTempSubdirectory("np-cli-png-").FullName;

        var (code, output, _) = Run("datasets", "inspect", "sargolini2006_10073-17010302", "--png-dir", folder,
                                    "--draws", "2");

        var pngs = Directory.GetFiles(folder, "*.png");
        Assert.Equal(0, code);
        Assert.Equal(9, pngs.Length);
        Assert.Contains(pngs, p => Path.GetFileName(p) == "sargolini2006_10073-17010302_rate_maps.png");
        Assert.All(pngs, p => Assert.Equal(0x89, File.ReadAllBytes(p)[0]));
        Assert.Contains("wrote 9 PNGs", output);
    }

    [Fact]
    public void AddAcceptsTheNwbFileAndInspectListsItsUnits()
    {
        var nwb = Path.Combine(RepositoryRoot(), "data", "nwb", "A8604-211122.nwb");

        var (added, addOutput, _) = Run("datasets", "add", "pynapple", nwb);
        var (inspected, inspectOutput, _) = Run("datasets", "inspect", "pynapple");

        Assert.Equal(0, added);
        Assert.Contains("registered pynapple: nwb, 3 neurons", addOutput);
        Assert.Equal(0, inspected);
        Assert.Contains("position   none", inspectOutput);
        Assert.Contains("191", inspectOutput);
    }

    [Theory]
    [InlineData("t_decreasing.h5", "time must increase strictly, but sample 701")]
    [InlineData("missing_position_t.h5", "/position/t: missing")]
    [InlineData("x_longer_than_t.h5", "/position/x holds 1501 samples but /position/t holds 1500")]
    [InlineData("int64_spike_times.h5", "found int64 (64-bit signed integer)")]
    [InlineData("lzf_positions.h5", "HDF5 filter LZF (id 32000)")]
    public void AddRefusesEachBrokenFileWithItsMessage(string fixture, string message)
    {
        var path = Path.Combine(RepositoryRoot(), "tests", "Datasets.Tests", "Fixtures", fixture);

        var (code, output, error) = Run("datasets", "add", "broken", path);

        Assert.Equal(DatasetsCommand.BadArgument, code);
        Assert.Contains("predictivity datasets add: 1 problem with the arguments; nothing was registered:", error);
        Assert.Contains($"<path>: expected {DatasetsCommand.ReadableRecording}; found '{path}': {fixture}", error);
        Assert.Contains(message, error);
        Assert.Empty(output);
        Assert.Null(_registry.Find("broken"));
    }

    [Fact]
    public void TruncatedFileIsRefusedNamingThePathArgument()
    {
        var good = File.ReadAllBytes(Path.Combine(RepositoryRoot(), "tests", "Datasets.Tests", "Fixtures",
                                                  "good_native.h5"));
        var path = Path.Combine(Directory.CreateTempSubdirectory("np-cli-cut-").FullName, "cut.h5");
        File.WriteAllBytes(path, good[..(good.Length / 2)]);

        var (code, _, error) = Run("datasets", "add", "cut", path);

        Assert.Equal(DatasetsCommand.BadArgument, code);
        Assert.Contains($"<path>: expected {DatasetsCommand.ReadableRecording}; found '{path}': cut.h5: truncated",
            error);
        Assert.Null(_registry.Find("cut"));
    }

    [Fact]
    public void RandomBytesExitTwoNamingThePathTheFileAndThatNothingWasRegistered()
    {
        // Given relative to the working folder, as a user types it: the message shows both forms.
        var folder = Directory.CreateTempSubdirectory("np-cli-noise-").FullName;
        var path = Path.Combine(folder, "noise.nwb");
        File.WriteAllBytes(path, Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251)).ToArray());
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);

        var (code, output, error) = Run("datasets", "add", "noise", relative);

        Assert.Equal(2, code);
        Assert.Contains("nothing was registered", error);
        Assert.Contains($"<path>: expected {DatasetsCommand.ReadableRecording}; found '{relative}' ({path}): " +
            "noise.nwb: not an HDF5, NWB or MATLAB v7.3 file", error);
        Assert.DoesNotContain("error:", error);
        Assert.Empty(output);
        Assert.Null(_registry.Find("noise"));
        Assert.False(File.Exists(_registry.RegistryPath));
    }

    [Fact]
    public void MalformedRegistryIsBlamedOnTheRegistryNotOnTheRecording()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_registry.RegistryPath)!);
        File.WriteAllText(_registry.RegistryPath, "{ not json");
        var nwb = Path.Combine(RepositoryRoot(), "data", "nwb", "A8604-211122.nwb");

        var (code, _, error) = Run("datasets", "add", "pynapple", nwb);

        Assert.Equal(DatasetsCommand.Refused, code);
        Assert.Contains($"{_registry.RegistryPath}: the dataset registry is malformed", error);
        Assert.DoesNotContain("<path>", error);
    }

    [Fact]
    public void RemoveOfAnUnknownNameIsAnErrorOnStandardErrorListingWhatCanBeRemoved()
    {
        var nwb = Path.Combine(RepositoryRoot(), "data", "nwb", "A8604-211122.nwb");
        Run("datasets", "add", "pynapple", nwb);

        var (code, output, error) = Run("datasets", "remove", "pynapel");

        Assert.Equal(DatasetsCommand.BadArgument, code);
        Assert.Empty(output);
        Assert.Contains("predictivity datasets remove: 1 problem with the arguments; nothing was removed:", error);
        Assert.Contains("<name>: expected a dataset added with datasets add (pynapple); found 'pynapel', which is " +
            "not registered.", error);
        Assert.NotNull(_registry.Find("pynapple"));
    }

    [Fact]
    public void RemoveOfABundledNameIsRefusedOnStandardError()
    {
        var (code, output, error) = Run("datasets", "remove", "stensola2012_ben");

        Assert.Equal(DatasetsCommand.BadArgument, code);
        Assert.Empty(output);
        Assert.Contains("found 'stensola2012_ben', which is bundled with the toolkit.", error);
    }

    [Fact]
    public void InspectOfAFileTheReadersRefuseNamesTheDatasetArgument()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("np-cli-bad-").FullName, "junk.h5");
        File.WriteAllText(path, "not a recording");

        var (code, _, error) = Run("datasets", "inspect", path);

        Assert.Equal(DatasetsCommand.BadArgument, code);
        Assert.Contains($"<dataset>: expected {DatasetsCommand.ReadableRecording}; found '{path}': junk.h5: not an " +
            "HDF5", error);
    }

    [Fact]
    public void BadArenaSizeIsABadArgument()
    {
        var nwb = Path.Combine(RepositoryRoot(), "data", "nwb", "A8604-211122.nwb");

        var (code, _, error) = Run("datasets", "add", "pynapple", nwb, "--arena-size", "-3");

        Assert.Equal(DatasetsCommand.BadArgument, code);
        Assert.Contains("--arena-size: expected a positive size in cm", error);
    }

    private static string[] Options(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string Rounded(double value) =>
        double.IsNaN(value) ? "NaN" : value.ToString("0.000", CultureInfo.InvariantCulture);

    private (int Code, string Output, string Error) Run(params string[] args)
    {
        var root = new RootCommand();
        root.Options.Add(CommonOptions.Verbosity);
        root.Subcommands.Add(DatasetsCommand.Create(() => _registry));
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NeuralPredictivity.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("NeuralPredictivity.sln not found.");
    }
}
