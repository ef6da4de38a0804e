using System.Globalization;
using System.Text.RegularExpressions;

namespace NeuralPredictivity.Cli.Tests;

/// <summary><c>predictivity models list | preview | match</c>, run as a user would.</summary>
public sealed class ModelsCommandTests
{
    [Fact]
    public void ListShowsEveryFamilyWithItsParametersAndDefaults()
    {
        var result = CliProcess.Run(["models", "list"]);

        Assert.True(result.ExitCode == 0, result.AllOutput);
        foreach (var family in new[] { "random-fourier", "random-relu", "place-cells", "grid-cells", "shuffled" })
        {
            Assert.Matches($"(?m)^{family} ", result.StandardOutput);
        }

        Assert.Matches(@"lengthscale\s+default 20cm", result.StandardOutput);
        Assert.Contains("PR matching searches 1cm…1000cm", result.StandardOutput);
        Assert.Contains("shuffled:<spec of any family>", result.StandardOutput);

        // Networks: the trained family with its reductions, the untrained control and the bundled checkpoint.
        foreach (var family in new[] { "trained", "untrained", "shuffled" })
        {
            Assert.Matches($"(?m)^{family} ", result.StandardOutput);
        }

        Assert.Matches(@"reduce\s+default pca\s+pca: projection on the top d principal components; units: d random",
            result.StandardOutput);
        Assert.Matches(@"(?m)^\s+d\s+default 256\s+hidden units", result.StandardOutput);
        Assert.Contains("rnn_relu_256_sg (bundled): VanillaRnn (Relu), 256 units, SoftmaxGaussian, 512 place cells, " +
            "trained 2000 steps", result.StandardOutput);
    }

    [Fact]
    public void ListDescribesCheckpointsItIsGivenAndNamesOnesItCannotRead()
    {
        var folder = Directory.CreateTempSubdirectory("np-models-list-");
        try
        {
            var bundled = Path.Combine(AppContext.BaseDirectory, "models", "rnn_relu_256_sg");
            File.Copy(bundled + ".json", Path.Combine(folder.FullName, "copy.json"));
            File.Copy(bundled + ".weights", Path.Combine(folder.FullName, "copy.weights"));
            var missing = Path.Combine(folder.FullName, "absent.json");

            var result = CliProcess.Run(["models", "list", folder.FullName, missing]);

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("  copy: VanillaRnn (Relu), 256 units", result.StandardOutput);
            Assert.Contains(Path.Combine(folder.FullName, "copy.json"), result.StandardOutput);
            Assert.Contains($"cannot read checkpoint '{missing}'", result.StandardError);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void PreviewDrivesNetworksAndReducesTheTrainedOneToEachD()
    {
        var result = CliProcess.Run(["models", "preview", "trained", "trained:reduce=units,seed=2", "untrained",
            "shuffled", "--d", "4,300", "--trajectory-batches", "2", "--dataset", "sargolini2006_10073-17010302",
            "--bin-size", "10cm"]);

        Assert.True(result.ExitCode == 0, result.AllOutput);
        var rows = Regex.Matches(result.StandardOutput, @"(?m)^(\S+)\s+(\d+)\s+100\s+([\d.]+)\s+(\d+)\s+\d+$");
        Assert.Equal(["trained:d=4", "trained:reduce=units,seed=2,d=4", "untrained:d=4", "untrained:d=300",
            "shuffled:d=4"], rows.Select(r => r.Groups[1].Value));
        foreach (Match row in rows)
        {
            var d = int.Parse(row.Groups[2].Value, CultureInfo.InvariantCulture);
            Assert.InRange(double.Parse(row.Groups[3].Value, CultureInfo.InvariantCulture), 1, d);
        }

        // d = 4 principal components hold 4 dimensions at most; shuffling bins keeps the spectrum exactly.
        Assert.Equal(rows[0].Groups[3].Value, rows[4].Groups[3].Value);
        Assert.Contains("skipped: d exceeds the network's 256 units", result.StandardOutput);
    }

    [Fact]
    public void PreviewProducesEveryFamilyAtThreeDimensionsOnTheStensolaGridWithPngs()
    {
        var folder = Directory.CreateTempSubdirectory("np-models-preview-");
        try
        {
            var result = CliProcess.Run(
                ["models", "preview", "--d", "8,64,512", "--maps", "1", "--out", folder.FullName]);

            Assert.True(result.ExitCode == 0, result.AllOutput);
            Assert.Contains(
                "stensola2012_ben: square 150 × 150 cm, centred at (0, 0) cm; grid 30 × 30 bins",
                result.StandardOutput);
            var rows = Regex.Matches(result.StandardOutput, @"(?m)^(\S+:\S+)\s+(\d+)\s+900\s+([\d.]+)\s+\d+\s+\d+$");
            Assert.Equal(7 * 3, rows.Count);
            foreach (Match row in rows)
            {
                var d = int.Parse(row.Groups[2].Value, CultureInfo.InvariantCulture);
                var pr = double.Parse(row.Groups[3].Value, CultureInfo.InvariantCulture);
                Assert.InRange(pr, 1, d);
            }

            var pngs = folder.GetFiles("*.png");
            Assert.Equal(21, pngs.Length);
            byte[] signature = [0x89, 0x50, 0x4E, 0x47];
            Assert.All(pngs, png => Assert.Equal(signature, File.ReadAllBytes(png.FullName)[..4]));
            Assert.Empty(folder.GetFiles("*.partial.png"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void PreviewOfACircularArenaDefinesOnlyTheBinsInsideIt()
    {
        var result = CliProcess.Run(
            ["models", "preview", "grid-cells", "--d", "8", "--dataset", "hafting2005_fig2c_trial1"]);

        Assert.True(result.ExitCode == 0, result.AllOutput);
        Assert.Contains("circle, diameter 180 cm, centred at (0, 0) cm; grid 36 × 36 bins", result.StandardOutput);
        Assert.Matches(@"grid-cells:d=8,\S+\s+8\s+1020\s", result.StandardOutput);
    }

    [Fact]
    public void PreviewOpensAnNwbDatasetAddedToTheRegistryTheEnvironmentNames()
    {
        var folder = TestEnvironment.NewFolder("np-models-registered-");
        var environment = new Dictionary<string, string>
        {
            ["NEURALPREDICTIVITY_REGISTRY"] = Path.Combine(folder, "datasets.json"),
        };
        var nwb = TestEnvironment.DatasetFixture("position_timestamps.nwb");
        var added = CliProcess.Run(["datasets", "add", "sargolini_nwb", nwb, "--arena-size", "100"],
            environment: environment);

        var result = CliProcess.Run(["models", "preview", "grid-cells", "--d", "8", "--maps", "1", "--dataset",
            "sargolini_nwb", "--out", Path.Combine(folder, "png")], environment: environment);

        Assert.True(added.ExitCode == 0, added.AllOutput);
        Assert.True(result.ExitCode == 0, result.AllOutput);
        // The registered 100 cm side, centred where the file's tracking is: 20 × 20 bins of 5 cm, all in the box.
        Assert.Contains("sargolini_nwb: square 100 × 100 cm, centred at (-19.87, -1.12) cm; grid 20 × 20 bins",
            result.StandardOutput);
        Assert.Matches(@"(?m)^grid-cells:d=8,\S+\s+8\s+400\s", result.StandardOutput);
        Assert.Single(Directory.GetFiles(Path.Combine(folder, "png"), "*.png"));
    }

    [Fact]
    public void MatchUsesTheArenaOfAMatlabDatasetRegisteredByName()
    {
        var registry = new TemporaryRegistry();
        var added = registry.AddMatlabFixture("sargolini_mat");

        var result = registry.Invoke("models", "match", "place-cells:d=64", "--target-pr", "10", "--dataset",
            "sargolini_mat", "--verbosity", "quiet");

        Assert.True(added.ExitCode == 0, added.AllOutput);
        Assert.True(result.ExitCode == 0, result.AllOutput);
        // The file records no arena, so the reader takes the tracked extent: ⌈60.11 / 5⌉ × ⌈80.56 / 5⌉ bins.
        Assert.Contains("sargolini_mat: rectangle 60.11 × 80.56 cm, centred at (-19.87, -1.12) cm, inferred from " +
            "tracking; grid 13 × 17 bins", result.StandardOutput);
        Assert.Contains("matched         yes", result.StandardOutput);
    }

    [Fact]
    public void UnknownDatasetIsRefusedListingTheBundledAndRegisteredNames()
    {
        var registry = new TemporaryRegistry();
        registry.AddMatlabFixture("sargolini_mat");

        var result = registry.Invoke("models", "preview", "grid-cells", "--dataset", "sargolini");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--dataset: expected a registered dataset (stensola2012_ben, hafting2005_fig2c_trial1, " +
            "hafting2005_fig2c_trial2, sargolini2006_10073-17010302, sargolini_mat) or a recording file; found " +
            "'sargolini': no dataset has that name", result.StandardError);
        Assert.Empty(result.StandardOutput);
    }

    [Fact]
    public void TruncatedFileIsRefusedNamingTheFileAndTheOption()
    {
        var cut = TestEnvironment.TruncatedRecording();

        var result = CliProcess.Run(["models", "preview", "grid-cells", "--d", "8", "--dataset", cut]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--dataset: expected a readable recording (a registered name or a file path); found " +
            $"'{cut}': cut.h5: truncated", result.StandardError);
    }

    [Fact]
    public void DatasetWithoutPositionOrArenaIsRefusedNamingTheOption()
    {
        var result = CliProcess.Run(["models", "match", "grid-cells", "--target-pr", "4", "--dataset",
            TestEnvironment.UnitsOnlyNwb]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--dataset: expected a recording with an arena", result.StandardError);
        Assert.Contains("A8604-211122.nwb) holds 3 units but no position and no arena size", result.StandardError);
    }

    [Theory]
    [InlineData("models preview grid-cells:spcing=3", "unknown parameter 'spcing' of grid-cells; valid parameters: d")]
    [InlineData("models preview --d 8,x", "--d: expected comma-separated positive integers")]
    [InlineData("models preview --arena hexagon:3", "--arena: expected square:<side>")]
    [InlineData("models preview --dataset nope", "--dataset: expected a registered dataset (stensola2012_ben, ")]
    [InlineData("models match grid-cells --target-pr 10 --dataset nope", "found 'nope': no dataset has that name")]
    [InlineData("models match grid-cells --target-pr 10 --parameter ratio", "cannot match the participation ratio")]
    public void BadInputExitsWithTwoAndNamesTheOption(string arguments, string message)
    {
        var result = CliProcess.Run(arguments.Split(' '));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.StandardError);
    }

    [Fact]
    public void MatchReportsTheChosenSpecAndTheAchievedRatio()
    {
        var result = CliProcess.Run(["models", "match", "place-cells:d=256", "--target-pr", "30"]);

        Assert.True(result.ExitCode == 0, result.AllOutput);
        Assert.Matches(
            @"spec\s+place-cells:d=256,width=[\d.]+cm,profile=gaussian,surround=2,seed=0", result.StandardOutput);
        var achieved = double.Parse(
            Regex.Match(result.StandardOutput, @"achieved PR\s+([\d.]+)").Groups[1].Value,
            CultureInfo.InvariantCulture);
        Assert.InRange(achieved, 29.7, 30.3);
        Assert.Contains("matched         yes", result.StandardOutput);
    }

    [Fact]
    public void UnreachableMatchExitsWithThreeAndShowsTheReachableRange()
    {
        var result = CliProcess.Run(["models", "match", "random-fourier:d=16", "--target-pr", "100"]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("matched         no", result.StandardOutput);
        Assert.Contains("cannot match PR 100 with random-fourier by varying lengthscale", result.StandardError);
    }
}
