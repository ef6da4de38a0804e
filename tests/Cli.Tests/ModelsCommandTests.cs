using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NeuralPredictivity.Benchmark;

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
    public void ListSaysAnOmittedSeedIsDerivedFromSeedAndHowToFixIt()
    {
        var result = CliProcess.Run(["models", "list"]);

        Assert.True(result.ExitCode == 0, result.AllOutput);
        var seedLines = result.StandardOutput.Split('\n').Where(l => Regex.IsMatch(l, @"^\s+seed\s+default ")).ToList();
        Assert.Equal(2 + 4, seedLines.Count);
        Assert.All(seedLines, l => Assert.Matches(@"^\s+seed\s+default derived\s", l));
        Assert.Contains("A spec without seed= takes the feature seed that run, models preview and models match " +
            $"derive from their --seed (--seed 0, the default, gives seed={FeatureSeed(0)}; see manifest.json); " +
            "write seed=N in the spec to fix it.", result.StandardOutput);
    }

    [Fact]
    public void ListHasAHeadingForEveryFamilyAMessageNames()
    {
        var result = CliRunner.Invoke("models", "list");

        Assert.True(result.ExitCode == 0, result.AllOutput);
        foreach (var family in ModelSpec.FamilyNames)
        {
            Assert.Matches($"(?m)^{Regex.Escape(family)} ", result.StandardOutput);
        }
    }

    [Theory]
    [InlineData("run --model banana --verbosity quiet")]
    [InlineData("sweep --families banana --dims 4 --seeds 0 --verbosity quiet")]
    [InlineData("models preview banana")]
    [InlineData("models match banana --target-pr 4")]
    public void AnUnknownFamilyIsAnsweredWithTheOneListOfFamiliesOnce(string arguments)
    {
        var result = CliRunner.Invoke(arguments.Split(' '));

        Assert.True(result.ExitCode == 2, result.AllOutput);
        var list = string.Join(", ", ModelSpec.FamilyNames);
        Assert.Equal("trained, untrained, shuffled, random-fourier, random-relu, place-cells, grid-cells", list);
        Assert.Contains($"the families are {list} (see predictivity models list)", result.StandardError);
        Assert.Contains("no family is named 'banana'", result.StandardError);
        Assert.Single(Regex.Matches(result.StandardError, "random-fourier"));
        Assert.DoesNotContain("known families", result.StandardError);
    }

    [Theory]
    [InlineData("grid-cells:d=8", "0")]
    [InlineData("random-relu:d=8", "3")]
    [InlineData("shuffled:place-cells:d=8", "3")]
    [InlineData("untrained:d=8", "0")]
    [InlineData("trained:reduce=units,d=8", "3")]
    public void PreviewShowsTheParticipationRatioARunWithTheSameSeedReports(string spec, string seed)
    {
        var folder = Path.Combine(TestEnvironment.NewFolder("np-preview-vs-run-"), "run");
        var run = CliRunner.Invoke(
            ["run", .. TestEnvironment.SmallWith("--model", spec, "--seed", seed, "--out", folder, "--figures",
                "false")]);

        // The run's grid and trajectories: 10 cm bins on the Sargolini session, 5 trajectory batches.
        var preview = CliRunner.Invoke("models", "preview", spec, "--d", "8", "--seed", seed, "--dataset",
            "sargolini2006_10073-17010302", "--bin-size", "10cm", "--trajectory-batches", "5", "--verbosity", "quiet");

        Assert.True(run.ExitCode == 0, run.AllOutput);
        Assert.True(preview.ExitCode == 0, preview.AllOutput);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")));
        var root = summary.RootElement;
        // Every bin the maps define was visited, so the run's joint mask keeps the bins the preview uses.
        Assert.Equal(root.GetProperty("bins_total").GetInt32(), root.GetProperty("bins_used").GetInt32());
        var row = Regex.Match(preview.StandardOutput, @"(?m)^(\S+)\s+8\s+(\d+)\s+([\d.]+)\s+\d+\s+\d+$");
        Assert.True(row.Success, preview.StandardOutput);
        Assert.Equal(root.GetProperty("bins_used").GetInt32().ToString(CultureInfo.InvariantCulture),
            row.Groups[2].Value);
        Assert.Equal(root.GetProperty("participation_ratio").GetDouble().ToString("0.00", CultureInfo.InvariantCulture),
            row.Groups[3].Value);
        var description = root.GetProperty("model_description").GetString()!;
        if (description.StartsWith("baseline ", StringComparison.Ordinal))
        {
            // The same map: the spec the preview resolved, its derived seed included, is the run's.
            Assert.Equal(description["baseline ".Length..], row.Groups[1].Value);
            Assert.Contains($"seed={FeatureSeed(int.Parse(seed, CultureInfo.InvariantCulture))}", description);
        }
    }

    [Fact]
    public void PreviewAndMatchMeasureTheRatioOnTheBinsTheRunRegressesOn()
    {
        var folder = Path.Combine(TestEnvironment.NewFolder("np-preview-bins-"), "run");
        var run = CliRunner.Invoke("run", "--model", "grid-cells:d=64", "--bootstrap", "200", "--figures", "false",
            "--verbosity", "quiet", "--out", folder);

        var preview = CliRunner.Invoke("models", "preview", "grid-cells", "--d", "64", "--verbosity", "quiet");
        var everyBin = CliRunner.Invoke("models", "preview", "grid-cells", "--d", "64", "--arena", "square:150cm",
            "--verbosity", "quiet");
        var match = CliRunner.Invoke("models", "match", "grid-cells:d=64", "--target-pr", "20",
            "--verbosity", "quiet");

        Assert.True(run.ExitCode == 0, run.AllOutput);
        Assert.True(preview.ExitCode == 0, preview.AllOutput);
        Assert.True(everyBin.ExitCode == 0, everyBin.AllOutput);
        Assert.True(match.ExitCode == 0, match.AllOutput);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")));
        var root = summary.RootElement;
        // stensola2012_ben at 5 cm: 22 of 900 bins were never visited at running speed; the run drops them and
        // so does the preview of that dataset. Over the bare arena every bin counts, and the PR moves.
        Assert.Equal((900, 878), (root.GetProperty("bins_total").GetInt32(), root.GetProperty("bins_used").GetInt32()));
        Assert.Equal("30.32",
            root.GetProperty("participation_ratio").GetDouble().ToString("0.00", CultureInfo.InvariantCulture));
        Assert.Contains("grid 30 × 30 bins, x -75…75 cm, y -75…75 cm; PR on the 878 of 900 bins visited",
            preview.StandardOutput, StringComparison.Ordinal);
        Assert.Matches($@"(?m)^grid-cells:d=64,\S+,seed={FeatureSeed(0)}\s+64\s+878\s+30\.32\s",
            preview.StandardOutput);
        Assert.Matches(@"(?m)^grid-cells:d=64,\S+\s+64\s+900\s+30\.34\s", everyBin.StandardOutput);

        // The matched map, previewed on the same dataset, has the PR the match says it reached.
        var matched = Regex.Match(match.StandardOutput, @"spec\s+(\S+)").Groups[1].Value;
        var achieved = double.Parse(Regex.Match(match.StandardOutput, @"achieved PR\s+([\d.]+)").Groups[1].Value,
            CultureInfo.InvariantCulture);
        var check = CliRunner.Invoke("models", "preview", matched, "--d", "64", "--verbosity", "quiet");
        Assert.True(check.ExitCode == 0, check.AllOutput);
        var row = Regex.Match(check.StandardOutput, @"(?m)^\S+\s+64\s+878\s+([\d.]+)\s");
        Assert.True(row.Success, check.StandardOutput);
        Assert.Equal(achieved.ToString("0.00", CultureInfo.InvariantCulture), row.Groups[1].Value);
    }

    [Fact]
    public void MatchSeedsTheSpecAsARunDoes()
    {
        var result = CliRunner.Invoke("models", "match", "random-fourier:d=16", "--target-pr", "6", "--seed", "5",
            "--arena", "square:100cm", "--bin-size", "10cm", "--verbosity", "quiet");

        Assert.True(result.ExitCode == 0, result.AllOutput);
        Assert.Matches($@"spec\s+random-fourier:d=16,lengthscale=[\d.]+cm,seed={FeatureSeed(5)}\b",
            result.StandardOutput);
        Assert.Contains($"; seed 5 (feature seed {FeatureSeed(5)})", result.StandardOutput);
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
            // PR on the 878 bins the animal visited, as a run on this dataset measures it.
            var rows = Regex.Matches(result.StandardOutput, @"(?m)^(\S+:\S+)\s+(\d+)\s+878\s+([\d.]+)\s+\d+\s+\d+$");
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
        var arena = CliProcess.Run(["models", "preview", "grid-cells", "--d", "8", "--arena", "circle:180cm"]);
        var dataset = CliProcess.Run(
            ["models", "preview", "grid-cells", "--d", "8", "--dataset", "hafting2005_fig2c_trial1"]);

        Assert.True(arena.ExitCode == 0, arena.AllOutput);
        Assert.True(dataset.ExitCode == 0, dataset.AllOutput);
        // 1020 of the 36 × 36 bins lie inside the circle. The animal visited 980 bins, 4 of them at the wall
        // just outside it, so the run's regression bins (visited and inside) are 976, and so are the preview's.
        Assert.Matches(@"grid-cells:d=8,\S+\s+8\s+1020\s", arena.StandardOutput);
        Assert.Contains("circle, diameter 180 cm, centred at (0, 0) cm; grid 36 × 36 bins", dataset.StandardOutput);
        Assert.Contains("PR on the 980 of 1296 bins visited", dataset.StandardOutput);
        Assert.Matches(@"grid-cells:d=8,\S+\s+8\s+976\s", dataset.StandardOutput);
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
        // The fixture's short path visits 103 of them at running speed: the bins a run would regress on.
        Assert.Contains("PR on the 103 of 400 bins visited", result.StandardOutput);
        Assert.Matches(@"(?m)^grid-cells:d=8,\S+\s+8\s+103\s", result.StandardOutput);
        Assert.Single(Directory.GetFiles(Path.Combine(folder, "png"), "*.png"));
    }

    [Fact]
    public void MatchUsesTheArenaOfAMatlabDatasetRegisteredByName()
    {
        var registry = new TemporaryRegistry();
        var added = registry.AddMatlabFixture("sargolini_mat");

        // The fixture's short path visits 112 of the 221 bins; 64 place fields reach PR 2.1–6.7 there.
        var result = registry.Invoke("models", "match", "place-cells:d=64", "--target-pr", "5", "--dataset",
            "sargolini_mat", "--verbosity", "quiet");

        Assert.True(added.ExitCode == 0, added.AllOutput);
        Assert.True(result.ExitCode == 0, result.AllOutput);
        // The file records no arena, so the reader takes the tracked extent: ⌈60.11 / 5⌉ × ⌈80.56 / 5⌉ bins.
        Assert.Contains("sargolini_mat: rectangle 60.11 × 80.56 cm, centred at (-19.87, -1.12) cm, inferred from " +
            "tracking; grid 13 × 17 bins", result.StandardOutput);
        Assert.Contains("PR on the 112 of 221 bins visited at ≥ 2.5 cm/s", result.StandardOutput);
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
    [InlineData("models preview grid-cells:spcing=3", "<specs>: expected a baseline spec with the family's own " +
        "parameters (see predictivity models list); found 'grid-cells:spcing=3': unknown parameter 'spcing' of " +
        "grid-cells; valid parameters: d")]
    [InlineData("models preview untrained:d=x", "<specs>: expected d ≥ 1 (the number of features); found d=x in " +
        "'untrained:d=x'.")]
    [InlineData("models preview --d 8,x", "--d: expected comma-separated positive integers such as 8,64,512; found " +
        "'x' in '8,x'.")]
    [InlineData("models preview --maps -1", "--maps: expected 0 or more maps per PNG (0 draws none); found -1.")]
    [InlineData("models preview --maps many", "--maps: expected a whole number; found 'many'.")]
    [InlineData("models preview untrained --trajectory-batches 0", "--trajectory-batches: expected an integer ≥ 1; " +
        "found 0.")]
    [InlineData("models preview --seed -2", "--seed: expected an integer ≥ 0; found -2.")]
    [InlineData("models preview --bin-size 0cm", "--bin-size: expected a positive length such as 5 (cm), " +
        "5cm, 50mm or 0.05m; found '0cm'.")]
    [InlineData("models preview --arena hexagon:3", "--arena: expected square:<side>, rectangle:<width>x<height> " +
        "or circle:<diameter> in cm (e.g. square:150cm, rectangle:100x150cm, circle:180cm); found 'hexagon:3'.")]
    [InlineData("models preview --dataset nope", "--dataset: expected a registered dataset (stensola2012_ben, ")]
    [InlineData("models match grid-cells --target-pr 10 --dataset nope", "found 'nope': no dataset has that name")]
    [InlineData("models match grid-cells --target-pr 0.5", "--target-pr: expected a finite participation ratio ≥ 1 " +
        "(a map of one feature has PR 1); found 0.5.")]
    [InlineData("models match grid-cells --target-pr abc", "--target-pr: expected a number such as 2.5; found 'abc'.")]
    [InlineData("models match grid-cells --target-pr 10 --tolerance 1.5", "--tolerance: expected a relative error " +
        "strictly between 0 and 1, such as 0.01 (1 %); found 1.5.")]
    [InlineData("models match grid-cells --target-pr 10 --parameter ratio", "--parameter: expected a parameter of " +
        "grid-cells that moves its participation ratio: d, spacing; found 'ratio' (grid-cells cannot match the " +
        "participation ratio by varying it).")]
    [InlineData("models match grid-cells --target-pr 10 --seed x", "--seed: expected a whole number; found 'x'.")]
    [InlineData("models match untrained:d=8 --target-pr 10", "<spec>: expected a baseline family spec " +
        "(random-fourier, random-relu, place-cells, grid-cells, shuffled): a network has no parameter that sets " +
        "its participation ratio; found 'untrained:d=8', a network.")]
    public void EveryOptionProblemExitsTwoNamingTheOptionWhatWasExpectedAndWhatWasFound(
        string arguments, string message)
    {
        var result = CliRunner.Invoke(arguments.Split(' '));

        Assert.True(result.ExitCode == 2, result.AllOutput);
        Assert.Contains(message, result.StandardError);
        Assert.Matches(
            @"^predictivity models (preview|match): 1 problem with the (options|arguments); nothing was run:",
            result.StandardError);
        Assert.Empty(result.StandardOutput);
        foreach (var exceptionStyle in new[] { "Actual value was", "(Parameter '", "System.", "error:" })
        {
            Assert.DoesNotContain(exceptionStyle, result.StandardError);
        }
    }

    [Fact]
    public void EveryOptionProblemIsReportedAtOnceBeforeTheDatasetIsRead()
    {
        var result = CliProcess.Run(["models", "match", "grid-cells:spcing=3", "--target-pr", "0", "--tolerance", "0",
            "--seed", "-1", "--bin-size", "x", "--verbosity", "normal"]);

        Assert.True(result.ExitCode == 2, result.AllOutput);
        Assert.Contains("predictivity models match: 5 problems with the arguments and options", result.StandardError);
        foreach (var option in new[] { "<spec>", "--target-pr", "--tolerance", "--seed", "--bin-size" })
        {
            Assert.Contains($"\n  {option}: expected ", result.StandardError);
        }

        Assert.DoesNotContain("Read stensola2012_ben.h5", result.StandardError);
    }

    [Fact]
    public void MatchReportsTheChosenSpecAndTheAchievedRatio()
    {
        var result = CliProcess.Run(["models", "match", "place-cells:d=256", "--target-pr", "30"]);

        Assert.True(result.ExitCode == 0, result.AllOutput);
        Assert.Matches($@"spec\s+place-cells:d=256,width=[\d.]+cm,profile=gaussian,surround=2,seed={FeatureSeed(0)}",
            result.StandardOutput);
        var achieved = double.Parse(
            Regex.Match(result.StandardOutput, @"achieved PR\s+([\d.]+)").Groups[1].Value,
            CultureInfo.InvariantCulture);
        Assert.InRange(achieved, 29.7, 30.3);
        Assert.Contains("matched         yes", result.StandardOutput);
    }

    private static int FeatureSeed(int seed) => new RunSettings { Seed = seed }.SeedFor(SeedPurpose.Features);

    [Fact]
    public void UnreachableMatchExitsWithThreeAndShowsTheReachableRange()
    {
        var result = CliProcess.Run(["models", "match", "random-fourier:d=16", "--target-pr", "100"]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("matched         no", result.StandardOutput);
        Assert.Contains("cannot match PR 100 with random-fourier by varying lengthscale", result.StandardError);
    }
}
