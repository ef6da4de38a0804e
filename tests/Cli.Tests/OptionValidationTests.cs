using System.Text.Json;

namespace NeuralPredictivity.Cli.Tests;

/// <summary>Options a new user got wrong: each is refused before any work, with exit code 2 and a message on
/// standard error naming the option, what was expected and what was found.</summary>
public sealed class OptionValidationTests : IDisposable
{
    private const string Sargolini = "sargolini2006_10073-17010302";

    private readonly string _root = TestEnvironment.NewFolder("np-options-");

    /// <summary>An output folder that a refused command must not create.</summary>
    private static string Never => Path.Combine(Path.GetTempPath(), $"np-options-never-{Environment.ProcessId}");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>Every command that takes --bin-size, with a bin of 0.05 cm over Sargolini's 100 cm box
    /// (4,000,000 bins; the smallest bin allowed there is 0.5 cm).</summary>
    public static TheoryData<string[]> TinyBinCommands => new()
    {
        { ["run", .. TestEnvironment.SmallWith("--bin-size", "0.05", "--model", "random-fourier:d=8"), "--out",
            Never] },
        { ["sweep", .. TestEnvironment.SmallWith("--bin-size", "0.5mm"), "--families", "random-fourier", "--dims",
            "4", "--seeds", "0", "--out", Never] },
        { ["models", "preview", "random-fourier", "--d", "8", "--dataset", Sargolini, "--bin-size", "0.05"] },
        { ["models", "match", "random-fourier:d=8", "--target-pr", "3", "--dataset", Sargolini, "--bin-size",
            "0.0005m"] },
        { ["datasets", "inspect", Sargolini, "--bin-size", "0.05"] },
        { ["gridscores", "--dataset", Sargolini, "--bin-size", "0.05cm"] },
    };

    [Theory]
    [MemberData(nameof(TinyBinCommands))]
    public void ABinGivingMoreThanFortyThousandBinsIsRefusedByEveryCommandBeforeAnyWork(string[] args)
    {
        var result = CliRunner.Invoke(args);

        Assert.True(result.ExitCode == 2, result.AllOutput);
        Assert.Contains($"--bin-size: expected a grid of at most 40,000 bins, i.e. a bin side ≥ 0.5 cm in " +
            $"'{Sargolini}'", result.StandardError);
        Assert.Contains("found 0.05 cm, which gives 4,000,000 bins.", result.StandardError);
        Assert.False(Directory.Exists(Never));
    }

    [Fact]
    public void AnAbsurdlySmallBinIsRefusedWithoutARuntimeMessage()
    {
        var result = CliRunner.Invoke(["run", .. TestEnvironment.SmallWith("--bin-size", "1e-300")]);

        Assert.True(result.ExitCode == 2, result.AllOutput);
        Assert.Contains("found 1E-300 cm, which gives more than 1e308 bins.", result.StandardError);
        Assert.DoesNotContain("Specified argument", result.StandardError);
    }

    [Fact]
    public void RunTakesTheLengthSyntaxOfModelsPreview()
    {
        var folder = Path.Combine(_root, "metres");

        var result = CliRunner.Invoke(
            ["run", .. TestEnvironment.SmallWith("--bin-size", "0.1m", "--model", "random-fourier:d=4"), "--out",
                folder, "--figures", "false"]);

        Assert.True(result.ExitCode == 0, result.AllOutput);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")));
        Assert.Equal(100, summary.RootElement.GetProperty("bins_total").GetInt32());
    }

    [Theory]
    [InlineData("run")]
    [InlineData("sweep")]
    [InlineData("datasets inspect " + Sargolini)]
    [InlineData("gridscores --dataset " + Sargolini)]
    [InlineData("models preview random-fourier --d 4")]
    public void EveryCommandRefusesABinSizeThatIsNotALengthInTheSameWords(string command)
    {
        var result = CliRunner.Invoke([.. command.Split(' '), "--bin-size", "5km"]);

        Assert.True(result.ExitCode == 2, result.AllOutput);
        Assert.Contains("--bin-size: expected a positive length such as 5 (cm), 5cm, 50mm or 0.05m; found '5km'.",
            result.StandardError);
    }

    /// <summary>A Sargolini et al. 2006 session's tracked path without any unit: a valid trajectory file.</summary>
    private static string TrajectoryOnly =>
        Path.Combine(TestEnvironment.RepoRoot, "data", "trajectories", "sargolini2006_11084-03020501_trajectory.h5");

    public static TheoryData<string[]> NeuronCommands => new()
    {
        { ["run", "--dataset", TrajectoryOnly, "--model", "random-fourier:d=4", "--out", Never] },
        { ["sweep", "--dataset", TrajectoryOnly, "--families", "random-fourier", "--dims", "4", "--seeds", "0",
            "--out", Never] },
        { ["gridscores", "--dataset", TrajectoryOnly, "--out", Never] },
    };

    [Theory]
    [MemberData(nameof(NeuronCommands))]
    public void ARecordingWithoutUnitsIsRefusedBeforeAnyWork(string[] args)
    {
        var result = CliRunner.Invoke([.. args, "--verbosity", "quiet"]);

        Assert.True(result.ExitCode == 2, result.AllOutput);
        Assert.Contains($"--dataset: expected a recording with at least one unit; found 0 units in {TrajectoryOnly}.",
            result.StandardError);
        Assert.False(Directory.Exists(Never));
    }

    [Fact]
    public void ATrajectoryWithoutUnitsIsRegisteredWithAWarning()
    {
        var registry = new TemporaryRegistry();

        var result = registry.Invoke("datasets", "add", "path_only", TrajectoryOnly);

        Assert.True(result.ExitCode == 0, result.AllOutput);
        Assert.Contains("registered path_only", result.StandardOutput);
        Assert.Contains("warning: path_only has no units: it cannot be regressed", result.StandardError);
    }

    [Theory]
    [InlineData("models preview random-fourier --d 8 --dataset " + Sargolini + " --out", "--out")]
    [InlineData("gridscores --dataset " + Sargolini + " --out", "--out")]
    [InlineData("datasets inspect " + Sargolini + " --png-dir", "--png-dir")]
    public void AnOutputFolderThatIsAFileIsRefusedBeforeAnyWork(string command, string option)
    {
        var file = Path.Combine(_root, "notes.txt");
        File.WriteAllText(file, "mine");

        var result = CliRunner.Invoke([.. command.Split(' '), file, "--verbosity", "quiet"]);

        Assert.True(result.ExitCode == 2, result.AllOutput);
        Assert.Contains($"{option}: expected a folder that exists or can be created; found '{file}', an existing file.",
            result.StandardError);
        Assert.Equal("", result.StandardOutput);
        Assert.Equal("mine", File.ReadAllText(file));
    }

    [Fact]
    public void AnOutputFolderUnderAFileIsRefusedBeforeAnyWork()
    {
        var file = Path.Combine(_root, "notes.txt");
        File.WriteAllText(file, "mine");

        var result = CliRunner.Invoke(
            ["datasets", "inspect", Sargolini, "--png-dir", Path.Combine(file, "pngs"), "--verbosity", "quiet"]);

        Assert.True(result.ExitCode == 2, result.AllOutput);
        Assert.Contains($"--png-dir: expected a folder that exists or can be created; found " +
            $"'{Path.Combine(file, "pngs")}', under {file}, which is a file.", result.StandardError);
        Assert.Equal("", result.StandardOutput);
    }

    [Fact]
    public void RunRefusesAnOutputFolderWhoseParentCannotBeWrittenBeforeAnyWork()
    {
        // /proc refuses new folders even to root, whose permission bits are never checked.
        var result = CliRunner.Invoke(["run", .. TestEnvironment.SmallWith("--model", "random-fourier:d=4",
            "--verbosity", "normal"), "--out", "/proc/nope/x"]);

        Assert.True(result.ExitCode == 2, result.AllOutput);
        Assert.Contains("--out: expected a folder that exists or can be created in a folder you can write to; " +
            "found '/proc/nope/x': no folder can be made in /proc", result.StandardError);
        Assert.DoesNotContain("[1/6]", result.StandardError);
    }

    [Fact]
    public void SweepRefusesAFolderHoldingSomethingElseAsRunDoes()
    {
        File.WriteAllText(Path.Combine(_root, "notes.txt"), "mine");

        var result = CliRunner.Invoke(["sweep", .. TestEnvironment.Small, "--families", "random-fourier", "--dims",
            "4", "--seeds", "0", "--out", _root]);

        Assert.True(result.ExitCode == 2, result.AllOutput);
        Assert.Contains($"--out: expected a new folder or an earlier sweep folder; found {_root}: the folder exists " +
            "and is not a sweep folder (no sweep.json)", result.StandardError);
        Assert.Equal(["notes.txt"], Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("merge")]
    [InlineData("status")]
    public void SweepMergeAndStatusOfAFolderThatIsNotASweepAreUsageErrors(string verb)
    {
        var result = CliRunner.Invoke("sweep", verb, _root);

        Assert.True(result.ExitCode == 2, result.AllOutput);
        Assert.Contains($"<DIR>: expected a sweep folder (the --out of predictivity sweep, holding sweep.json); " +
            $"found {_root}: not a sweep folder (no sweep.json).", result.StandardError);
    }

    [Theory]
    [InlineData("run --verbosity loud", "predictivity run: --verbosity: expected one of quiet, normal, detailed; " +
        "found 'loud'.")]
    [InlineData("--verbosity QUIET datasets list", "--verbosity: expected one of quiet, normal, detailed; " +
        "found 'QUIET'.")]
    [InlineData("datasets inspect " + Sargolini + " --scheme halves", "--scheme: expected one of random-blocks, " +
        "first-second-half, odd-even-minutes; found 'halves'.")]
    public void AValueOutsideAFixedListNamesTheOption(string command, string message)
    {
        var result = CliRunner.Invoke(command.Split(' '));

        Assert.True(result.ExitCode == 2, result.AllOutput);
        Assert.Contains(message, result.StandardError);
        Assert.Equal("", result.StandardOutput);
    }

    [Fact]
    public void PreviewChecksEveryDAgainstTheFamilysRangeBeforeAnyMap()
    {
        var folder = Path.Combine(_root, "pngs");

        var result = CliRunner.Invoke("models", "preview", "random-fourier", "--d", "8,100000", "--dataset", Sargolini,
            "--out", folder, "--verbosity", "quiet");

        Assert.True(result.ExitCode == 2, result.AllOutput);
        Assert.Contains(
            "--d: expected an integer in 1…65536 for random-fourier; found 100000 (for 'random-fourier').",
            result.StandardError);
        Assert.Equal("", result.StandardOutput);
        Assert.False(Directory.Exists(folder));
    }

    [Theory]
    [InlineData("run")]
    [InlineData("sweep")]
    public void ASpeedNoSampleReachesAndABlockLongerThanTheRecordingNameTheirOwnOptions(string command)
    {
        string[] sweep = command == "sweep" ? ["--families", "random-fourier", "--dims", "4", "--seeds", "0"] : [];
        var result = CliRunner.Invoke([command, .. TestEnvironment.SmallWith("--min-speed", "1000",
            "--reliability-block", "100000"), .. sweep, "--out", Never]);

        Assert.True(result.ExitCode == 2, result.AllOutput);
        Assert.Contains($"--min-speed: expected a speed threshold that some position sample reaches (the fastest in " +
            $"'{Sargolini}' is 125.8 cm/s); found 1000 cm/s, which no position sample passes.", result.StandardError);
        Assert.Contains("--reliability-block: expected a block shorter than the recording (599.98 s)",
            result.StandardError);
        Assert.DoesNotContain("--block-length", result.StandardError);
        Assert.DoesNotContain("blocks", result.StandardError.Replace("2 blocks to divide", ""));
        Assert.False(Directory.Exists(Never));
    }

    [Theory]
    [InlineData("run", "100", "found blocked 3-fold, 3×3-bin blocks, buffer 0")]
    [InlineData("sweep", "80", "found choosing alpha needs inner folds within the 4 training bins of fold 0: random "
        + "5-fold")]
    public void ASpeedThatLeavesTooFewBinsForTheFoldsNamesTheFoldsBeforeAnyWork(
        string command, string minSpeed, string found)
    {
        // Sargolini's 10 cm bins at 80 cm/s: 6 visited bins, 4 training bins per outer fold for ridge's 5 inner
        // folds; at 100 cm/s a single visited bin, in one block.
        string[] sweep = command == "sweep" ? ["--families", "random-fourier", "--dims", "4", "--seeds", "0"] : [];
        var result = CliRunner.Invoke([command, .. TestEnvironment.SmallWith("--min-speed", minSpeed, "--verbosity",
            "normal"), .. sweep, "--out", Never]);

        Assert.True(result.ExitCode == 2, result.AllOutput);
        Assert.Contains($"--folds: expected folds that the {(minSpeed == "80" ? 6 : 1)} of 100 bins visited at " +
            $"--min-speed {minSpeed} cm/s can fill (a lower --min-speed, a smaller --block-size or --bin-size, a " +
            "smaller --fold-count, or another --folds scheme); " + found, result.StandardError);
        Assert.DoesNotContain("feature maps", result.AllOutput);
        Assert.DoesNotContain("(Parameter", result.AllOutput);
        Assert.False(Directory.Exists(Never));
    }
}
