using System.Globalization;
using System.Text.Json;

namespace NeuralPredictivity.Cli.Tests;

/// <summary>`predictivity run` on a real recording (Sargolini et al. 2006, Science 312:758; data from the Kavli
/// Institute's grid-cell data site), sized for CI.</summary>
public sealed class RunEndToEndTests : IDisposable
{
    private readonly string _root = TestEnvironment.NewFolder("np-run-e2e-");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private CliResult Run(string folder, params string[] optionValuePairs) =>
        CliRunner.Invoke(
            ["run", .. TestEnvironment.SmallWith(["--out", Path.Combine(_root, folder), .. optionValuePairs])]);

    [Fact]
    public void RunWritesTidyFilesFiguresManifestAndASummaryTable()
    {
        var result = Run("untrained", "--model", "untrained:d=16,seed=2");

        Assert.True(result.ExitCode == 0, result.AllOutput);
        var folder = Path.Combine(_root, "untrained");
        foreach (var file in new[] { "neurons.csv", "summary.csv", "summary.json", "manifest.json", "maps.csv",
                     "rate_maps.png", "r_norm_histogram.png", "ceiling_distribution.png" })
        {
            Assert.True(File.Exists(Path.Combine(folder, file)), file);
        }

        var neurons = File.ReadAllLines(Path.Combine(folder, "neurons.csv"));
        Assert.Equal(1 + 8 * 3, neurons.Length);
        Assert.StartsWith("neuron_id,fold,r,r2,alpha,alpha_at_grid_edge,", neurons[0]);
        Assert.StartsWith("T1C1,0,", neurons[1]);
        Assert.Contains("median r_norm", result.StandardOutput);
        Assert.Contains("8 of 8 in the medians", result.StandardOutput);

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")));
        var root = manifest.RootElement;
        Assert.Equal(11, root.GetProperty("grid").GetProperty("x_edges_cm").GetArrayLength());
        var dataset = root.GetProperty("inputs")[0];
        Assert.Equal("dataset", dataset.GetProperty("role").GetString());
        Assert.Equal(64, dataset.GetProperty("sha256").GetString()!.Length);
        Assert.Equal(2, root.GetProperty("settings").GetProperty("reliability_draws").GetInt32());
        Assert.True(root.GetProperty("seeds").TryGetProperty("folds", out _));
        Assert.True(root.GetProperty("timings_seconds").TryGetProperty("regression", out _));
        var hashed = root.GetProperty("output_sha256").EnumerateObject().Count();
        Assert.Equal(Directory.EnumerateFiles(folder).Count() - 1, hashed);
    }

    [Fact]
    public void EveryPhasePrintsItsLineOnceAndInOrder()
    {
        var result = Run("phases", "--model", "random-fourier:d=16", "--verbosity", "normal");

        Assert.True(result.ExitCode == 0, result.AllOutput);
        var phaseLines = result.StandardError.Split('\n').Select(l => l.TrimEnd('\r'))
            .Where(l => l.StartsWith('[') && l.Contains("/6] ", StringComparison.Ordinal)).ToList();
        var opened = phaseLines.Select(l => l[..5]).Distinct().ToList();
        Assert.Equal(["[1/6]", "[2/6]", "[3/6]", "[4/6]", "[5/6]", "[6/6]"], opened);
        foreach (var name in new[] { "[1/6] rate maps and noise ceilings", "[3/6] joint mask and dimensionality",
                     "[4/6] regression", "[5/6] normalisation and summaries" })
        {
            Assert.Single(phaseLines, l => l == name);
        }

        Assert.Equal(opened, phaseLines.Select(l => l[..5]).Where((p, i) => i == 0 || phaseLines[i - 1][..5] != p));
    }

    [Fact]
    public void AlphaGridEdgeWarningNamesNeuronsByTheirIdsAndTheOptionThatWidensTheGrid()
    {
        // Two penalties: every choice is an edge, so every neuron is flagged.
        var folder = Path.Combine(_root, "edge");
        var result = CliProcess.Run(["run", .. TestEnvironment.SmallWith(
            ["--model", "random-fourier:d=16", "--alphas", "1e4,1e5", "--out", folder])]);

        Assert.True(result.ExitCode == 0, result.AllOutput);
        var warning = result.StandardError.Split('\n')
            .Single(l => l.Contains("edge of the grid", StringComparison.Ordinal));
        var ids = File.ReadAllLines(Path.Combine(folder, "neurons.csv")).Skip(1)
            .Select(l => l.Split(',')[0]).Distinct();
        Assert.All(ids, id => Assert.Contains($"neuron {id} (", warning, StringComparison.Ordinal));
        Assert.DoesNotContain("neuron 0 (", warning, StringComparison.Ordinal);
        Assert.Contains("widen it with --alphas", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void SummaryTableSaysWhereAFeatureSeedNobodyTypedComesFrom()
    {
        var derived = new NeuralPredictivity.Benchmark.RunSettings { Seed = 7 }
            .SeedFor(NeuralPredictivity.Benchmark.SeedPurpose.Features);

        var implicitSeed = Run("implicit", "--model", "random-fourier:d=8", "--seed", "7");
        var explicitSeed = Run("explicit", "--model", "random-fourier:d=8,seed=4", "--seed", "7");

        Assert.Equal((0, 0), (implicitSeed.ExitCode, explicitSeed.ExitCode));
        Assert.Contains($"seed={derived}", implicitSeed.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"feature seed      {derived}: derived from --seed 7 for the features",
            implicitSeed.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("feature seed", explicitSeed.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void SameSettingsTwiceGiveByteIdenticalCsvAndSummaryFiles()
    {
        var first = Run("a", "--model", "random-fourier:d=32,seed=4");
        var second = Run("b", "--model", "random-fourier:d=32,seed=4");

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        foreach (var file in new[] { "neurons.csv", "summary.csv", "summary.json", "maps.csv" })
        {
            Assert.Equal(
                File.ReadAllBytes(Path.Combine(_root, "a", file)), File.ReadAllBytes(Path.Combine(_root, "b", file)));
        }
    }

    [Fact]
    public void RunIntoAnEarlierResultsFolderReplacesItAndSaysSo()
    {
        // A child process: log lines go to its standard error, which the in-process runner does not capture.
        var folder = Path.Combine(_root, "same");
        var first = CliProcess.Run(["run", .. TestEnvironment.SmallWith(
            ["--model", "random-fourier:d=32,seed=4", "--out", folder])]);
        var second = CliProcess.Run(["run", .. TestEnvironment.SmallWith(
            ["--model", "random-fourier:d=16,seed=4", "--out", folder])]);

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.DoesNotContain("Replaced the earlier results", first.StandardError);
        Assert.Contains($"Replaced the earlier results in {folder}", second.StandardError);
        Assert.Contains("\"feature_count\": 16", File.ReadAllText(Path.Combine(folder, "summary.json")));
    }

    [Fact]
    public void RunWhoseMapsLeaveNoNeuronWithACeilingSaysSo()
    {
        // At 80 cm/s about 40 position samples of BEN pass the speed filter (30 bins): the run completes, but no
        // neuron keeps a ceiling and every median is NaN, which the log must say rather than only the table.
        var result = CliProcess.Run(["run", "--dataset", "stensola2012_ben", "--min-speed", "80",
            "--reliability-draws", "2", "--bootstrap", "200", "--model", "random-fourier:d=8,seed=1",
            "--out", Path.Combine(_root, "fast"), "--verbosity", "normal"]);

        Assert.True(result.ExitCode == 0, result.AllOutput);
        Assert.Contains("No neuron has both a noise ceiling and a defined score, so every median is NaN",
            result.StandardError);
        Assert.Contains("0 of 65 in the medians", result.StandardOutput);
    }

    [Fact]
    public void ThreadCountChangesANetworksResultsOnlyByRounding()
    {
        // README, Limitations: on a shared machine --threads 1 is advised. Parallel sums add in another order,
        // so values may differ in the last bits (~1e-15 relative): equal to 1e-9 relative, far above rounding
        // and far below any printed digit, and every non-numeric field identical.
        var one = Run("one-thread", "--model", "untrained:d=32,seed=3", "--threads", "1");
        var two = Run("two-threads", "--model", "untrained:d=32,seed=3", "--threads", "2");

        Assert.True(one.ExitCode == 0, one.AllOutput);
        Assert.True(two.ExitCode == 0, two.AllOutput);
        foreach (var file in new[] { "neurons.csv", "summary.csv", "maps.csv" })
        {
            var a = File.ReadAllLines(Path.Combine(_root, "one-thread", file));
            var b = File.ReadAllLines(Path.Combine(_root, "two-threads", file));
            Assert.Equal(a.Length, b.Length);
            foreach (var (lineA, lineB) in a.Zip(b))
            {
                foreach (var (x, y) in lineA.Split(',').Zip(lineB.Split(',')))
                {
                    if (double.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out var u)
                        && double.TryParse(y, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                    {
                        Assert.True(u.Equals(v) || Math.Abs(u - v) <= 1e-9 * Math.Max(Math.Abs(u), Math.Abs(v)),
                            $"{file}: {x} against {y}");
                    }
                    else
                    {
                        Assert.Equal(x, y);
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData("--model", "banana", "--model: expected a family spec or a checkpoint file; the families are " +
        "trained, untrained, shuffled, random-fourier, random-relu, place-cells, grid-cells (see predictivity models " +
        "list); found 'banana': no family is named 'banana'.")]
    [InlineData("--model", "random-fourier:d=0", "--model: expected")]
    [InlineData("--model", "untrained:d=-3", "--model: expected d ≥ 1 (the number of features); found d=-3")]
    [InlineData("--model", "trained:checkpoint=/no/such/net.json", "--model: expected an existing checkpoint")]
    [InlineData("--dataset", "nowhere_2099", "--dataset: expected a registered dataset (stensola2012_ben, ")]
    [InlineData("--bin-size", "500", "--bin-size: expected a bin side no larger than the arena")]
    public void OptionsThatNeedTheInputsFailBeforeAnyWork(string option, string value, string message)
    {
        var result = Run("never", option, value);

        Assert.True(result.ExitCode == 2, result.AllOutput);
        Assert.Contains(message, result.StandardError);
        Assert.False(Directory.Exists(Path.Combine(_root, "never")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root));
    }

    [Fact]
    public void MissingDatasetFileIsNamedCleanly()
    {
        var missing = Path.Combine(_root, "no-such-session.h5");

        var result = Run("never", "--dataset", missing, "--model", "random-fourier:d=4");

        Assert.True(result.ExitCode == 2, result.AllOutput);
        Assert.Contains("--dataset: expected a registered dataset (stensola2012_ben, hafting2005_fig2c_trial1, ",
            result.StandardError);
        Assert.Contains($"or a recording file; found '{missing}': no dataset has that name and there is no file " +
            $"{missing}. Register a file with: predictivity datasets add NAME PATH.", result.StandardError);
        Assert.DoesNotContain("(Parameter", result.StandardError);
    }

    [Fact]
    public void TrainedFamilyDimensionAboveTheNetworksUnitsIsRefused()
    {
        var result = Run("never", "--model", "trained:d=4096");

        Assert.True(result.ExitCode == 2, result.AllOutput);
        Assert.Contains("--model: expected d ≤ 256, the network's units", result.StandardError);
    }

    [Fact]
    public void TrainedProjectedOnAllItsComponentsScoresLikeTheFullNetwork()
    {
        // Projecting on all 256 components reconstructs the map to ~1e-13; standardised ridge then sees the
        // same features, so the scores agree far inside 1e-6. Component scores would have been whitened.
        var full = Run("full", "--model", "trained", "--figures", "false");
        var projected = Run("projected", "--model", "trained:d=256", "--figures", "false");
        var units = Run("units", "--model", "trained:d=12,reduce=units,seed=4", "--figures", "false");

        Assert.Equal((0, 0, 0), (full.ExitCode, projected.ExitCode, units.ExitCode));
        var fullR = Column(Path.Combine(_root, "full", "neurons.csv"), "r");
        var projectedR = Column(Path.Combine(_root, "projected", "neurons.csv"), "r");
        Assert.Equal(fullR.Length, projectedR.Length);
        for (var i = 0; i < fullR.Length; i++)
        {
            Assert.Equal(fullR[i], projectedR[i], 1e-6);
        }

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(_root, "units", "summary.json")));
        Assert.Equal(12, summary.RootElement.GetProperty("feature_count").GetInt32());
        Assert.Contains("12 random units (seed 4)", summary.RootElement.GetProperty("model_description").GetString());
    }

    private static double[] Column(string csv, string name)
    {
        var lines = File.ReadAllLines(csv);
        var index = Array.IndexOf(lines[0].Split(','), name);
        return lines.Skip(1)
            .Select(l => double.Parse(l.Split(',')[index], System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();
    }

    [Fact]
    public void PlsComponentsAreCappedAtTheFeatureCount()
    {
        var result = Run("pls", "--model", "random-fourier:d=6", "--regression", "pls", "--pls-components", "25",
            "--verbosity", "normal");

        Assert.True(result.ExitCode == 0, result.AllOutput);
        var rows = File.ReadAllLines(Path.Combine(_root, "pls", "neurons.csv")).Skip(1).Select(l => l.Split(','));
        Assert.All(rows, r => Assert.Equal("6", r[6]));
    }

    [Fact]
    public void DatasetWithoutPositionIsRefusedNamingTheOption()
    {
        // A real NWB 2.4 file from pynapple's tests: three units, no position.
        var nwb = Path.Combine(TestEnvironment.RepoRoot, "data", "nwb", "A8604-211122.nwb");

        var result = Run("never", "--dataset", nwb, "--model", "random-fourier:d=8");

        Assert.True(result.ExitCode == 2, result.AllOutput);
        Assert.Contains("--dataset: expected a recording with tracked position", result.StandardError);
        Assert.False(Directory.Exists(Path.Combine(_root, "never")));
    }

    [Fact]
    public void ProblemsWithTheOptionsAndTheInputsAreReportedTogether()
    {
        var result = Run("never", "--model", "banana", "--dataset", "nowhere_2099");

        Assert.True(result.ExitCode == 2, result.AllOutput);
        Assert.Contains("2 problems", result.StandardError);
        Assert.Contains("--model: expected", result.StandardError);
        Assert.Contains("--dataset: expected", result.StandardError);
    }

    [Fact]
    public void ModelThatDoesNotParseFailsBeforeTheRecordingIsRead()
    {
        // The default dataset, read in a fresh process: its "Read …" line shows whether it was loaded.
        var result = CliProcess.Run(["run", "--model", "nosuchfamily", "--verbosity", "normal", "--out",
            Path.Combine(_root, "never")]);

        Assert.True(result.ExitCode == 2, result.AllOutput);
        Assert.Contains("--model: expected", result.StandardError);
        Assert.DoesNotContain("Read stensola2012_ben.h5", result.StandardError);
        Assert.DoesNotContain("[1/6]", result.StandardError);
    }

    [Fact]
    public void BinTooLargeForTheArenaIsFoundOnceTheModelIsFine()
    {
        var result = Run("never", "--model", "random-fourier:d=4", "--bin-size", "500");

        Assert.True(result.ExitCode == 2, result.AllOutput);
        Assert.Contains("1 problem with the options", result.StandardError);
        Assert.Contains("--bin-size: expected a bin side no larger than the arena", result.StandardError);
    }

    [Fact]
    public void OutputFolderHoldingSomethingElseIsNeverOverwritten()
    {
        var folder = Path.Combine(_root, "thesis");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "chapter.tex"), "precious");

        var result = CliRunner.Invoke(
            ["run", .. TestEnvironment.Small, "--model", "random-fourier:d=8", "--out", folder]);

        Assert.True(result.ExitCode == 2, result.AllOutput);
        Assert.Contains("--out: expected a new folder or an earlier results folder", result.StandardError);
        Assert.Equal(["chapter.tex"], Directory.EnumerateFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void BaselineMatchedToAReferenceHasTheReferencesParticipationRatioOnTheRegressionBins()
    {
        // Hafting's circle: the animal skipped part of the arena, so the regression bins (visited and inside
        // the circle) are far fewer than the bins a baseline defines; both PRs must be taken on the former.
        string[] hafting = ["--dataset", "hafting2005_fig2c_trial1", "--bin-size", "5"];
        var reference = Run("reference", [.. hafting, "--model", "place-cells:d=64,seed=2"]);
        var matched = Run("matched", [.. hafting, "--model", "random-fourier:d=64,seed=1", "--match-pr-of",
            "place-cells:d=64,seed=2"]);

        Assert.True(reference.ExitCode == 0, reference.AllOutput);
        Assert.True(matched.ExitCode == 0, matched.AllOutput);
        var (targetPr, usedBins) = SummaryDimensionality("reference");
        var (achievedPr, matchedBins) = SummaryDimensionality("matched");
        Assert.True(usedBins < 1000, $"{usedBins} regression bins; the fixture needs unvisited bins");
        Assert.Equal(usedBins, matchedBins);
        Assert.InRange(Math.Abs(achievedPr - targetPr), 0, 0.01 * targetPr);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(_root, "matched", "summary.json")));
        var description = summary.RootElement.GetProperty("model_description").GetString()!;
        var expected = FormattableString.Invariant(
            $"participation ratio {achievedPr:0.00} matched to {targetPr:0.00}");
        Assert.Contains(expected, description, StringComparison.Ordinal);
        Assert.Equal(targetPr, summary.RootElement.GetProperty("match_target_participation_ratio").GetDouble(),
            1e-9 * targetPr);
        Assert.True(summary.RootElement.GetProperty("match_within_tolerance").GetBoolean());
        var csv = File.ReadAllLines(Path.Combine(_root, "matched", "summary.csv"));
        Assert.EndsWith(",True", csv[1], StringComparison.Ordinal);
        Assert.EndsWith(",,", File.ReadAllLines(Path.Combine(_root, "reference", "summary.csv"))[1],
            StringComparison.Ordinal);
    }

    private (double ParticipationRatio, int BinsUsed) SummaryDimensionality(string folder)
    {
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(_root, folder, "summary.json")));
        var root = summary.RootElement;
        return (root.GetProperty("participation_ratio").GetDouble(), root.GetProperty("bins_used").GetInt32());
    }

    [Fact]
    public void KilledRunLeavesNoResultsFolderAndTheNextRunCleansUp()
    {
        var target = Path.Combine(_root, "killed");
        using (var process = CliRunner.Start(_root, ["run", .. TestEnvironment.Small, "--model", "random-fourier:d=16",
                   "--out", target]))
        {
            // Kill -9 while the results are being written: the only moment the work folder exists.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            var writing = false;
            while (!process.HasExited && DateTime.UtcNow < deadline && !writing)
            {
                writing = Directory.EnumerateDirectories(_root, ".killed.tmp-*").Any();
                Thread.Sleep(writing ? 0 : 5);
            }

            process.Kill();
            process.WaitForExit();
            Assert.True(writing, "the run ended before its results were being written; nothing was interrupted");
        }

        Assert.False(Directory.Exists(target));
        var rerun = CliRunner.Invoke(
            ["run", .. TestEnvironment.Small, "--model", "random-fourier:d=16", "--out", target]);
        Assert.Equal(0, rerun.ExitCode);
        Assert.True(File.Exists(Path.Combine(target, "manifest.json")));
        Assert.Equal(["killed"], Directory.EnumerateDirectories(_root).Select(Path.GetFileName));
    }
}
