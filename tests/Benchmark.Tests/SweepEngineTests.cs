using Microsoft.Extensions.Logging.Abstractions;

namespace NeuralPredictivity.Benchmark.Tests;

public sealed class SweepEngineTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("np-sweep-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static SweepPlan Plan(params int[] dims) => new()
    {
        Families = ["alpha", "beta:width=7cm"],
        Dimensions = dims.Length > 0 ? dims : [4, 16, 64],
        Seeds = [0, 1],
        Run = new RunSettings { Dataset = "synthetic-arena" },
    };

    private SweepReport Run(SweepPlan plan, FakeUnitRunner runner, ShardSpec? shard = null) =>
        new SweepEngine(runner.Run, NullLogger.Instance).Run(plan, _root, shard ?? ShardSpec.All, null, default);

    [Fact]
    public void UnitsAreOrderedByFamilyThenDimensionThenSeed()
    {
        var units = Plan(16, 4).Units().Select(u => u.Id);

        Assert.Equal([
            "alpha__d4__s0", "alpha__d4__s1", "alpha__d16__s0", "alpha__d16__s1",
            "beta_width7cm__d4__s0", "beta_width7cm__d4__s1", "beta_width7cm__d16__s0", "beta_width7cm__d16__s1",
        ], units);
        Assert.Equal("beta:width=7cm,d=16,seed=1", Plan(16, 4).Units()[^1].ModelSpec);
    }

    [Fact]
    public void RerunSkipsFinishedUnits()
    {
        var runner = new FakeUnitRunner();
        var first = Run(Plan(), runner);

        var second = Run(Plan(), runner);

        Assert.Equal((12, 12, 0), (first.Owned, first.Ran, first.Skipped));
        Assert.Equal((0, 12), (second.Ran, second.Skipped));
        Assert.Equal(12, runner.Calls.Count);
    }

    [Fact]
    public void ShardsAreDisjointAndTogetherCoverEveryUnit()
    {
        var runner = new FakeUnitRunner();

        var reports = Enumerable.Range(1, 3).Select(i => Run(Plan(), runner, new ShardSpec(i, 3))).ToList();

        Assert.Equal([4, 4, 4], reports.Select(r => r.Owned));
        Assert.Equal(Plan().Units().Select(u => u.Id).Order(), runner.Calls.Order());
    }

    [Fact]
    public void ShardedThenMergedEqualsUnsharded()
    {
        var sharded = Path.Combine(_root, "sharded");
        var whole = Path.Combine(_root, "whole");
        var engine = new SweepEngine(new FakeUnitRunner().Run, NullLogger.Instance);
        engine.Run(Plan(), sharded, new ShardSpec(2, 2), null, default);
        engine.Run(Plan(), sharded, new ShardSpec(1, 2), null, default);
        engine.Run(Plan(), whole, ShardSpec.All, null, default);

        var a = SweepMerger.Merge(sharded, NullLogger.Instance);
        var b = SweepMerger.Merge(whole, NullLogger.Instance);

        Assert.Equal((12, 12), (a.Finished, b.Finished));
        Assert.Equal(
            File.ReadAllBytes(Path.Combine(whole, "sweep.csv")), File.ReadAllBytes(Path.Combine(sharded, "sweep.csv")));
    }

    [Fact]
    public void FailedUnitIsRecordedAndRetriedOnTheNextRun()
    {
        var runner = new FakeUnitRunner();
        runner.FailOnce.Add("alpha__d16__s1");

        var first = Run(Plan(), runner);
        var statusAfterFailure = new SweepFolder(_root).Status(Plan());
        var second = Run(Plan(), runner);

        var failed = Assert.Single(first.Failed);
        Assert.Equal("alpha__d16__s1", failed.Unit.Id);
        Assert.Contains(statusAfterFailure, s => s.Unit.Id == "alpha__d16__s1" && s.State == UnitState.Failed
            && s.Detail.Contains("simulated failure", StringComparison.Ordinal));
        Assert.Equal((1, 11), (second.Ran, second.Skipped));
        Assert.False(File.Exists(Path.Combine(_root, "failed", "alpha__d16__s1.txt")));
        Assert.All(new SweepFolder(_root).Status(Plan()), s => Assert.Equal(UnitState.Finished, s.State));
    }

    [Fact]
    public void UnitLeftHalfWrittenByAKilledProcessRunsAgainExactlyOnce()
    {
        var runner = new FakeUnitRunner();
        Run(Plan(), runner, new ShardSpec(1, 2));
        var unit = Plan().Units()[1];
        var killed = Path.Combine(
            _root, "units", $".{unit.Id}.tmp-{ExitedProcessId()}-0badc0de@{Environment.MachineName}");
        Directory.CreateDirectory(killed);
        File.WriteAllText(Path.Combine(killed, "neurons.csv"), "half a fil");
        var before = new SweepFolder(_root).Status(Plan()).Single(s => s.Unit == unit);

        Run(Plan(), runner);

        Assert.Equal(UnitState.InProgress, before.State);
        Assert.False(Directory.Exists(killed));
        Assert.Single(runner.Calls, unit.Id);
        var entries = Directory.EnumerateDirectories(Path.Combine(_root, "units")).Select(Path.GetFileName).ToList();
        Assert.Equal(Plan().Units().Select(u => u.Id).Order(), entries.Order());
    }

    [Fact]
    public void MergeOfAPartialSweepReportsTheMissingUnits()
    {
        Run(Plan(), new FakeUnitRunner(), new ShardSpec(1, 4));

        var report = SweepMerger.Merge(_root, NullLogger.Instance);

        Assert.Equal((12, 3), (report.Total, report.Finished));
        Assert.Equal(9, report.NotFinished.Count);
        Assert.All(report.NotFinished, s => Assert.Equal(UnitState.Missing, s.State));
        var rows = CsvFiles.Read<SummaryRow>(Path.Combine(_root, "sweep.csv"));
        Assert.Equal(["alpha__d4__s0", "alpha__d64__s0", "beta_width7cm__d16__s0"], rows.Select(r => r.Unit));
        Assert.Equal(("beta:width=7cm", 16, 0), (rows[2].Family, rows[2].NominalD, rows[2].UnitSeed));
        Assert.All(report.Files, f => Assert.True(new FileInfo(f).Length > 1000, f));
    }

    [Fact]
    public void MergeFlagsParticipationRatioMatchesThatMissedTheirTarget()
    {
        var runner = new FakeUnitRunner { MatchTarget = 2.7 };
        var missed = Plan().Units()[2].Id;
        runner.MissMatch.Add(missed);
        Run(Plan(), runner);

        var report = SweepMerger.Merge(_root, NullLogger.Instance);

        var note = Assert.Single(report.Notes);
        Assert.Equal($"1 of 12 participation-ratio-matched units could not reach their target within 1 % and use " +
            $"the closest map (match_within_tolerance = False in sweep.csv): {missed}", note);
        var rows = CsvFiles.Read<SummaryRow>(Path.Combine(_root, "sweep.csv"));
        Assert.Equal([missed], rows.Where(r => r.MatchWithinTolerance == false).Select(r => r.Unit));
        Assert.All(rows, r => Assert.Equal(2.7, r.MatchTargetPr));
    }

    [Fact]
    public void MergeOfASweepWithNoFinishedUnitWritesNoFigureAndSaysWhy()
    {
        var runner = new FakeUnitRunner();
        runner.FailOnce.UnionWith(Plan().Units().Select(u => u.Id));
        Run(Plan(), runner);
        // A figure from an earlier merge would show units that sweep.csv no longer lists.
        File.WriteAllText(Path.Combine(_root, SweepMerger.PredictivityVsPrFile), "stale");

        var report = SweepMerger.Merge(_root, NullLogger.Instance);

        Assert.Equal((12, 0), (report.Total, report.Finished));
        Assert.Equal([Path.Combine(_root, "sweep.csv")], report.Files);
        Assert.Equal(
        [
            "no figure predictivity_vs_pr.png: no unit has finished yet",
            "no figure predictivity_vs_d.png: no unit has finished yet",
        ], report.Notes);
        Assert.Empty(Directory.GetFiles(_root, "*.png"));
    }

    [Fact]
    public void DifferentPlanInTheSameFolderIsRefusedNamingTheDifference()
    {
        Run(Plan(4, 16), new FakeUnitRunner());

        var error = Assert.Throws<InvalidSettingsException>(() => Run(Plan(4, 16, 64), new FakeUnitRunner()));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("--dims", problem.Option);
        Assert.Equal("[4,16,64]", problem.Found);
        Assert.Contains("[4,16]", problem.Expected);
    }

    [Fact]
    public void APlanDifferenceNamesTheOptionsTheUserTyped()
    {
        Run(Plan(4, 16), new FakeUnitRunner());
        var plan = Plan(4, 16);
        var changed = plan with
        {
            Families = [.. plan.Families, "place-cells"],
            Run = plan.Run with { BinSizeCm = plan.Run.BinSizeCm + 1, MinSpeedCmPerSecond = 7 },
        };

        var error = Assert.Throws<InvalidSettingsException>(() => Run(changed, new FakeUnitRunner()));

        Assert.Equal(new[] { "--bin-size", "--families", "--min-speed" },
            error.Problems.Select(p => p.Option).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AFolderWithSomethingElseInItIsRefusedBeforeAnyUnitRuns()
    {
        File.WriteAllText(Path.Combine(_root, "notes.txt"), "mine");

        var problem = PredictivitySweep.FolderProblem(_root);

        Assert.NotNull(problem);
        Assert.Equal("--out", problem.Option);
        Assert.Equal($"--out: expected a new folder or an earlier sweep folder; found {_root}: the folder exists and " +
            "is not a sweep folder (no sweep.json); choose another --out so nothing of yours is overwritten.",
            problem.ToString());
    }

    [Fact]
    public void OtherShardsMachineSettingsDoNotCountAsADifferentPlan()
    {
        Run(Plan(), new FakeUnitRunner(), new ShardSpec(1, 2));
        var onAnotherNode = Plan() with { Run = Plan().Run with { Threads = 1 } };

        var report = Run(onAnotherNode, new FakeUnitRunner(), new ShardSpec(2, 2));

        Assert.Equal(6, report.Ran);
    }

    [Theory]
    [InlineData("2/4", 2, 4)]
    [InlineData("1/1", 1, 1)]
    public void ShardParsesOneBasedIndexes(string text, int index, int count)
    {
        Assert.Equal(new ShardSpec(index, count), ShardSpec.TryParse(text, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("0/4")]
    [InlineData("5/4")]
    [InlineData("2")]
    [InlineData("a/b")]
    public void MalformedShardIsReportedUnderItsOption(string text)
    {
        Assert.Null(ShardSpec.TryParse(text, out var problem));
        Assert.Equal("--shard", problem!.Option);
    }

    [Fact]
    public void PlanProblemsAreReportedTogether()
    {
        var plan = Plan() with { Dimensions = [0, 8, 8], Seeds = [], Families = ["random-fourier:d=4"] };

        var problems = plan.Validate();

        Assert.Equal(["--families", "--dims", "--dims", "--seeds"], problems.Select(p => p.Option));
    }

    private static int ExitedProcessId()
    {
        using var process = System.Diagnostics.Process.Start("true")!;
        process.WaitForExit();
        return process.Id;
    }

    [Theory]
    [InlineData("random-fourier", "trained:d=16,seed=2")]
    [InlineData("shuffled:place-cells", "trained:d=16,seed=2")]
    [InlineData("untrained", null)]
    [InlineData("trained", null)]
    [InlineData("shuffled", null)]
    public void UntrainedFamilyIsNotMatchedByParticipationRatio(string family, string? reference)
    {
        var plan = Plan() with { Families = [family], Match = DimensionMatch.ParticipationRatio };

        var settings = plan.SettingsFor(new SweepUnit(family, 16, 2), "unit");

        Assert.Equal(reference, settings.MatchParticipationRatioOf);
    }
}
