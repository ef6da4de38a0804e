using System.Globalization;
using NeuralPredictivity.Cli.Commands;
using NeuralPredictivity.Datasets;
using NeuralPredictivity.Models;

namespace NeuralPredictivity.Cli.Tests;

/// <summary><c>predictivity gridscores</c> on real recordings (Hafting et al. 2005, Nature 436:801; Sargolini et
/// al. 2006, Science 312:758; data from the Kavli Institute's grid-cell data site) and on broken input.</summary>
public sealed class GridScoresCommandTests : IDisposable
{
    private const string Hafting = "hafting2005_fig2c_trial1";

    private readonly string _root = TestEnvironment.NewFolder("np-gridscores-");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void HaftingGridCellsAllScorePositiveOnTheRunsSpeedFilteredRateMaps()
    {
        var folder = Path.Combine(_root, "hafting", "default");

        var result = CliRunner.Invoke("gridscores", "--dataset", Hafting, "--out", folder, "--verbosity", "quiet");

        Assert.True(result.ExitCode == 0, result.AllOutput);
        var scores = ReadScore60(folder);
        Assert.Equal(["t5c1", "t5c2", "t5c3", "t6c1", "t7c1", "t7c2", "t7c3"], scores.Select(s => s.Map));

        // All seven units of Fig. 2c are grid cells; a positive 60° score is the hexagonal symmetry.
        Assert.All(scores, s => Assert.True(s.Score60 > 0, $"{s.Map}: 60° score {s.Score60}"));

        // The maps are the toolkit's rate maps at the default 2.5 cm/s and σ = 1 bin, bit for bit.
        Assert.Equal(CoreScore60(minSpeed: 2.5), scores.Select(s => s.Score60));
        Assert.Equal(14, Directory.GetFiles(folder, "*.png").Length);
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
        Assert.All(File.ReadLines(Path.Combine(folder, "gridscores.csv")).Skip(1),
            line => Assert.StartsWith(Hafting + ",", line));
    }

    [Fact]
    public void MinSpeedZeroScoresEveryTrackedSample()
    {
        var folder = Path.Combine(_root, "unfiltered");

        var result = CliRunner.Invoke("gridscores", "--dataset", Hafting, "--min-speed", "0", "--out", folder,
            "--verbosity", "quiet");

        Assert.True(result.ExitCode == 0, result.AllOutput);
        var unfiltered = CoreScore60(minSpeed: 0);
        Assert.Equal(unfiltered, ReadScore60(folder).Select(s => s.Score60));

        // The filter drops 5 % of Hafting's samples (slow ones), which moves every score: the option is not ignored.
        Assert.All(unfiltered.Zip(CoreScore60(minSpeed: 2.5)), pair => Assert.NotEqual(pair.First, pair.Second));
    }

    [Fact]
    public void AnimalTrajectoryDrivesTheNetworkAlongARegisteredNwbDatasetsPath()
    {
        var registry = new TemporaryRegistry();
        var added = registry.AddNwbFixture("sargolini_nwb");
        var folder = Path.Combine(_root, "animal");

        var result = registry.Invoke("gridscores", "--model", "bundled", "--trajectory", "animal", "--dataset",
            "sargolini_nwb", "--plots", "1", "--out", folder, "--verbosity", "quiet");

        Assert.True(added.ExitCode == 0, added.AllOutput);
        Assert.True(result.ExitCode == 0, result.AllOutput);
        Assert.Contains("feature maps (animal trajectory): 400 bins × 256 units", result.StandardOutput);
        Assert.Contains("rnn_relu_256_sg_animal: 256 maps on 20 × 20 bins, x -69.867…30.133 cm",
            result.StandardOutput);
        Assert.Equal(256, ReadScore60(folder).Count);
    }

    [Fact]
    public void TrainedNamesTheBundledNetworkAsItDoesInRun()
    {
        var (trained, bundled) = (Path.Combine(_root, "trained"), Path.Combine(_root, "bundled"));

        var byTrained = CliRunner.Invoke("gridscores", "--model", "trained", "--trajectory-batches", "1", "--plots",
            "0", "--out", trained, "--verbosity", "quiet");
        var byBundled = CliRunner.Invoke("gridscores", "--model", "bundled", "--trajectory-batches", "1", "--plots",
            "0", "--out", bundled, "--verbosity", "quiet");

        Assert.True(byTrained.ExitCode == 0, byTrained.AllOutput);
        Assert.True(byBundled.ExitCode == 0, byBundled.AllOutput);
        Assert.Contains("rnn_relu_256_sg_synthetic: 256 maps", byTrained.StandardOutput);
        Assert.Equal(File.ReadAllBytes(Path.Combine(bundled, "gridscores.csv")),
            File.ReadAllBytes(Path.Combine(trained, "gridscores.csv")));
    }

    [Fact]
    public void OldOptionNamesStillWorkHiddenFromHelp()
    {
        // Before gridscores took run's names it had --protocol synthetic|tracked, --smoothing and --batches.
        var (old, current) = (Path.Combine(_root, "old"), Path.Combine(_root, "current"));

        var byOld = CliRunner.Invoke("gridscores", "--model", "bundled", "--dataset", Hafting, "--protocol",
            "tracked", "--plots", "0", "--out", old, "--verbosity", "quiet");
        var byCurrent = CliRunner.Invoke("gridscores", "--model", "bundled", "--dataset", Hafting, "--trajectory",
            "animal", "--plots", "0", "--out", current, "--verbosity", "quiet");
        var smoothing = CliRunner.Invoke("gridscores", "--dataset", Hafting, "--smoothing", "0", "--out",
            Path.Combine(_root, "smoothing"), "--verbosity", "quiet");
        var batches = CliRunner.Invoke("gridscores", "--model", "bundled", "--batches", "0");
        var help = CliRunner.Invoke("gridscores", "--help");

        Assert.True(byOld.ExitCode == 0, byOld.AllOutput);
        Assert.True(byCurrent.ExitCode == 0, byCurrent.AllOutput);
        Assert.Equal(File.ReadAllBytes(Path.Combine(current, "gridscores.csv")),
            File.ReadAllBytes(Path.Combine(old, "gridscores.csv")));
        Assert.True(smoothing.ExitCode == 0, smoothing.AllOutput);
        Assert.Equal(CoreScore60(minSpeed: 2.5, sigma: 0), ReadScore60(Path.Combine(_root, "smoothing"))
            .Select(s => s.Score60));
        Assert.Equal(2, batches.ExitCode);
        Assert.Contains("--trajectory-batches: expected at least 1 batch; found 0.", batches.StandardError);
        Assert.Contains("--trajectory <trajectory>", help.StandardOutput);
        Assert.Contains("--smooth <smooth>", help.StandardOutput);
        Assert.Contains("--trajectory-batches <trajectory-batches>", help.StandardOutput);
        Assert.DoesNotContain("--protocol", help.StandardOutput);
        Assert.DoesNotContain("--smoothing", help.StandardOutput);
        Assert.DoesNotContain("--batches", help.StandardOutput);
    }

    [Theory]
    [InlineData("--trajectory", "synthetic", "--protocol", "synthetic",
        "--trajectory: expected either --trajectory or its old name --protocol; found both.")]
    [InlineData("--smooth", "1", "--smoothing", "2",
        "--smooth: expected either --smooth or its old name --smoothing; found both.")]
    [InlineData("--protocol", "walk", "--plots", "1",
        "--protocol: expected synthetic or tracked (its new name --trajectory takes synthetic or animal); " +
        "found 'walk'.")]
    [InlineData("--trajectory", "tracked", "--plots", "1",
        "--trajectory: expected one of synthetic, animal; found 'tracked'.")]
    public void AnOptionAndItsOldNameTogetherOrABadValueIsRefused(
        string option, string value, string other, string otherValue, string message)
    {
        var result = CliRunner.Invoke("gridscores", "--model", "bundled", option, value, other, otherValue, "--out",
            Path.Combine(_root, "never"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.StandardError);
        Assert.False(Directory.Exists(Path.Combine(_root, "never")));
    }

    [Fact]
    public void MissingCheckpointIsRefusedNamingTheOptionBeforeAnyWork()
    {
        var missing = Path.Combine(_root, "no-such-model");

        var result = CliRunner.Invoke("gridscores", "--model", missing, "--out", Path.Combine(_root, "never"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--model: expected 'trained' (or 'bundled') for the network shipped with the toolkit, or an " +
            $"existing checkpoint (X, X.json or X.weights, with X.json beside it); found '{missing}', which is " +
            $"neither (no {missing}.json).", result.StandardError);
    }

    [Fact]
    public void AFailureIsPrintedOnce()
    {
        // A sidecar that is not a checkpoint fails when loaded; the message was printed twice, plain and as a
        // "fail:" log line. A child process, because the log goes to the process's own standard error.
        var broken = Path.Combine(_root, "broken.json");
        File.WriteAllText(broken, "not json");

        var result = CliProcess.Run(["gridscores", "--model", broken, "--out", Path.Combine(_root, "never")]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"predictivity gridscores: failed: {broken}: not a readable checkpoint sidecar",
            result.StandardError);
        Assert.Single(result.StandardError.Split('\n'), l => l.Contains("not a readable checkpoint sidecar"));
    }

    [Fact]
    public void OuterRadiiAreWrittenInCentimetres()
    {
        var folder = Path.Combine(_root, "radii");

        var result = CliRunner.Invoke("gridscores", "--dataset", Hafting, "--plots", "0", "--out", folder,
            "--verbosity", "quiet");

        // GridScore gives each radius as a fraction of the map's width, 36 bins of 5 cm here: 180 cm.
        Assert.True(result.ExitCode == 0, result.AllOutput);
        var expected = CoreScores(minSpeed: 2.5, sigma: 1)
            .Select(s => (s.OuterRadius60 * 180, s.OuterRadius90 * 180)).ToList();
        var rows = File.ReadAllLines(Path.Combine(folder, "gridscores.csv")).Skip(1).Select(l => l.Split(','))
            .Select(f => (Parse(f[4]), Parse(f[5])))
            .ToList();
        Assert.Equal(expected, rows);
        Assert.All(rows, r => Assert.InRange(r.Item1, 0.4 * 180, 180));
    }

    [Fact]
    public void ColourbarsNameTheirQuantityAndUnit()
    {
        var maps = new SpatialMaps(SpatialGrid.Centred(0, 0, 20, 20, 5), new double[16, 1], ["n1"]);

        var map = GridScorePlots.MapPlot(maps, 0, "n1", GridScorePlots.RateLabel);
        var sac = GridScorePlots.AutocorrelogramPlot(new double[7, 7], 5, "n1");

        Assert.Equal("rate (Hz)", ColourbarLabel(map));
        Assert.Equal("correlation (Pearson r)", ColourbarLabel(sac));
        Assert.Equal("activation (dimensionless)", GridScorePlots.ActivationLabel);
    }

    private static string ColourbarLabel(ScottPlot.Plot plot) =>
        Assert.Single(plot.Axes.GetPanels().OfType<ScottPlot.Panels.ColorBar>()).Label;

    [Fact]
    public void UnknownDatasetIsRefusedListingTheRegisteredNames()
    {
        var folder = Path.Combine(_root, "never");

        var result = CliRunner.Invoke("gridscores", "--dataset", "hafting2005", "--out", folder);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("predictivity gridscores: 1 problem with the options; nothing was run:",
            result.StandardError);
        Assert.Contains("--dataset: expected a registered dataset (stensola2012_ben, hafting2005_fig2c_trial1, " +
            "hafting2005_fig2c_trial2, sargolini2006_10073-17010302", result.StandardError);
        Assert.Contains("found 'hafting2005': no dataset has that name", result.StandardError);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void TruncatedFileIsRefusedNamingTheFileAndTheOption()
    {
        var cut = TestEnvironment.TruncatedRecording();
        var folder = Path.Combine(_root, "never");

        var result = CliRunner.Invoke("gridscores", "--dataset", cut, "--out", folder);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--dataset: expected a readable recording (a registered name or a file path); found " +
            $"'{cut}': cut.h5: truncated", result.StandardError);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void DatasetWithoutPositionIsRefusedNamingTheOption()
    {
        var result = CliRunner.Invoke("gridscores", "--dataset", TestEnvironment.UnitsOnlyNwb, "--out",
            Path.Combine(_root, "never"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--dataset: expected a recording with tracked position (rate maps need where the animal " +
            "was)", result.StandardError);
        Assert.Contains("A8604-211122.nwb) holds 3 units but no position", result.StandardError);
    }

    [Fact]
    public void BadNumbersAreListedTogetherEachWithItsOption()
    {
        var result = CliRunner.Invoke("gridscores", "--dataset", Hafting, "--min-speed", "-1", "--bin-size", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("predictivity gridscores: 2 problems with the options", result.StandardError);
        Assert.Contains("--bin-size: expected a positive length such as 5 (cm), 5cm, 50mm or 0.05m; found '0'.",
            result.StandardError);
        Assert.Contains("--min-speed: expected a speed ≥ 0 cm/s (0 = no filter); found -1.", result.StandardError);
    }

    /// <summary>60° scores of the bundled Hafting session's neurons on RateMaps with σ = 1 bin (unless given), by
    /// neuron.</summary>
    private static double[] CoreScore60(double minSpeed, double sigma = 1) =>
        CoreScores(minSpeed, sigma).Select(s => s.Score60).ToArray();

    private static IReadOnlyList<GridScore> CoreScores(double minSpeed, double sigma)
    {
        var recording = DatasetRegistry.Default().Open(Hafting);
        var grid = SpatialGrid.ForRecording(recording);
        var maps = RateMaps.Compute(recording, grid,
            new RateMapOptions { SmoothingSigmaBins = sigma, MinSpeedCmPerS = minSpeed });
        return GridScores.Compute(maps);
    }

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>The map and score60 columns of gridscores.csv, in file order.</summary>
    private static List<(string Map, double Score60)> ReadScore60(string folder)
    {
        var lines = File.ReadAllLines(Path.Combine(folder, "gridscores.csv"));
        Assert.Equal("source,map,score60,score90,outer_radius60_cm,outer_radius90_cm", lines[0]);
        return lines.Skip(1).Select(l => l.Split(','))
            .Select(f => (f[1], double.Parse(f[2], CultureInfo.InvariantCulture)))
            .ToList();
    }
}
