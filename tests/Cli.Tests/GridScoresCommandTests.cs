using System.Globalization;
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
    public void TrackedProtocolDrivesTheNetworkAlongARegisteredNwbDatasetsPath()
    {
        var registry = new TemporaryRegistry();
        var added = registry.AddNwbFixture("sargolini_nwb");
        var folder = Path.Combine(_root, "tracked");

        var result = registry.Invoke("gridscores", "--model", "bundled", "--protocol", "tracked", "--dataset",
            "sargolini_nwb", "--plots", "1", "--out", folder, "--verbosity", "quiet");

        Assert.True(added.ExitCode == 0, added.AllOutput);
        Assert.True(result.ExitCode == 0, result.AllOutput);
        Assert.Contains("feature maps (tracked): 400 bins × 256 units", result.StandardOutput);
        Assert.Contains("rnn_relu_256_sg_tracked: 256 maps on 20 × 20 bins, x -69.867…30.133 cm",
            result.StandardOutput);
        Assert.Equal(256, ReadScore60(folder).Count);
    }

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
        Assert.Contains("--bin-size: expected a positive number of cm; found 0.", result.StandardError);
        Assert.Contains("--min-speed: expected a speed ≥ 0 cm/s (0 = no filter); found -1.", result.StandardError);
    }

    /// <summary>60° scores of the bundled Hafting session's neurons on RateMaps with σ = 1 bin, by neuron.</summary>
    private static double[] CoreScore60(double minSpeed)
    {
        var recording = DatasetRegistry.Default().Open(Hafting);
        var grid = SpatialGrid.ForRecording(recording);
        var maps = RateMaps.Compute(recording, grid,
            new RateMapOptions { SmoothingSigmaBins = 1, MinSpeedCmPerS = minSpeed });
        return GridScores.Compute(maps).Select(s => s.Score60).ToArray();
    }

    /// <summary>The map and score60 columns of gridscores.csv, in file order.</summary>
    private static List<(string Map, double Score60)> ReadScore60(string folder)
    {
        var lines = File.ReadAllLines(Path.Combine(folder, "gridscores.csv"));
        Assert.Equal("source,map,score60,score90,outer_radius60,outer_radius90", lines[0]);
        return lines.Skip(1).Select(l => l.Split(','))
            .Select(f => (f[1], double.Parse(f[2], CultureInfo.InvariantCulture)))
            .ToList();
    }
}
