using NeuralPredictivity.Benchmark.Cluster;

namespace NeuralPredictivity.Benchmark.Tests.Cluster;

public sealed class ClusterSweepTests : IDisposable
{
    private readonly StandInToolkit _toolkit = new();

    public void Dispose() => _toolkit.Dispose();

    private static SweepPlan FourUnits => new()
    {
        Families = ["random-relu", "place-cells"],
        Dimensions = [4, 8],
        Seeds = [0],
        Run = new RunSettings(),
    };

    [Fact]
    public void FirstSubmissionGivesEveryUnitItsOwnShardAndWritesThePlan()
    {
        var folder = Path.Combine(_toolkit.Root, "sweep");

        var plan = Plan(folder, new SlurmJobOptions());

        Assert.Equal(4, plan.ShardCount);
        Assert.Equal([1, 2, 3, 4], plan.ShardsToRun);
        Assert.Equal((4, 0), (plan.UnitCount, plan.FinishedUnitCount));
        Assert.True(File.Exists(Path.Combine(folder, "sweep.json")));
    }

    [Fact]
    public void OnlyShardsOwningAnUnfinishedUnitAreSubmitted()
    {
        // Two shards deal the plan order round-robin: shard 1 owns positions 0 and 2, shard 2 owns 1 and 3.
        var folder = Path.Combine(_toolkit.Root, "sweep");
        Plan(folder, new SlurmJobOptions { Shards = 2 });
        var units = FourUnits.Units();
        Directory.CreateDirectory(Path.Combine(folder, "units", units[0].Id));
        Directory.CreateDirectory(Path.Combine(folder, "units", units[2].Id));
        Directory.CreateDirectory(Path.Combine(folder, "units", units[3].Id));

        var plan = Plan(folder, new SlurmJobOptions { Shards = 2 });

        Assert.Equal([2], plan.ShardsToRun);
        Assert.Equal(3, plan.FinishedUnitCount);
    }

    [Fact]
    public void ResubmissionKeepsThePreviousShardCountUnlessToldOtherwise()
    {
        var folder = Path.Combine(_toolkit.Root, "sweep");
        Directory.CreateDirectory(Path.Combine(folder, "slurm"));
        new SlurmSubmission(5, 6, [1, 2, 3], 3, "v", DateTimeOffset.UnixEpoch).AppendTo(Path.Combine(folder, "slurm"));

        Assert.Equal(3, Plan(folder, new SlurmJobOptions()).ShardCount);
        Assert.Equal(2, Plan(folder, new SlurmJobOptions { Shards = 2 }).ShardCount);
    }

    [Fact]
    public void FinishedSweepHasNothingToSubmit()
    {
        var folder = Path.Combine(_toolkit.Root, "sweep");
        foreach (var unit in FourUnits.Units())
        {
            Directory.CreateDirectory(Path.Combine(folder, "units", unit.Id));
        }

        Assert.Empty(Plan(folder, new SlurmJobOptions()).ShardsToRun);
    }

    [Fact]
    public void PlanThatDiffersFromTheFoldersIsRefusedBeforeAnythingIsQueued()
    {
        var folder = Path.Combine(_toolkit.Root, "sweep");
        Plan(folder, new SlurmJobOptions());

        var error = Assert.Throws<InvalidSettingsException>(() => ClusterSweep.Plan(
            FourUnits with { Seeds = [0, 1] }, folder, new SlurmJobOptions(), [], ["/bin/true"],
            ToolkitBuild.FromDirectory(_toolkit.BuildFolder), writePlanFile: true));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("--seeds", problem.Option);
        Assert.Contains("sweep.json", problem.Expected);
    }

    [Fact]
    public void DryRunDoesNotCreateThePlanFile()
    {
        var folder = Path.Combine(_toolkit.Root, "sweep");

        ClusterSweep.Plan(FourUnits, folder, new SlurmJobOptions(), [], ["/bin/true"],
            ToolkitBuild.FromDirectory(_toolkit.BuildFolder), writePlanFile: false);

        Assert.False(File.Exists(Path.Combine(folder, "sweep.json")));
    }

    [Theory]
    [InlineData(UnitState.Finished, SlurmTaskState.Failed, ClusterUnitState.Finished)]
    [InlineData(UnitState.InProgress, SlurmTaskState.Running, ClusterUnitState.Running)]
    [InlineData(UnitState.Missing, SlurmTaskState.Running, ClusterUnitState.Pending)]
    [InlineData(UnitState.Missing, SlurmTaskState.Pending, ClusterUnitState.Pending)]
    [InlineData(UnitState.InProgress, SlurmTaskState.Cancelled, ClusterUnitState.Failed)]
    [InlineData(UnitState.Missing, SlurmTaskState.TimedOut, ClusterUnitState.Failed)]
    [InlineData(UnitState.Missing, SlurmTaskState.Completed, ClusterUnitState.Failed)]
    [InlineData(UnitState.Missing, SlurmTaskState.Vanished, ClusterUnitState.Failed)]
    [InlineData(UnitState.Failed, SlurmTaskState.NotSubmitted, ClusterUnitState.Failed)]
    [InlineData(UnitState.Missing, SlurmTaskState.NotSubmitted, ClusterUnitState.Missing)]
    [InlineData(UnitState.InProgress, SlurmTaskState.Unknown, ClusterUnitState.Missing)]
    public void UnitStateCombinesTheFolderWithItsShardsTask(
        UnitState folder, SlurmTaskState task, ClusterUnitState expected)
    {
        var unit = new UnitStatus(new SweepUnit("random-relu", 4, 0), folder, folder == UnitState.Failed ? "boom" : "");
        var shard = new SlurmShardStatus(2, "9_2", task, "detail");

        var combined = ClusterSweep.Combine(unit, shard);

        Assert.Equal(expected, combined.State);
        Assert.Equal(2, combined.Shard);
        if (expected == ClusterUnitState.Failed && folder == UnitState.Failed)
        {
            Assert.StartsWith("boom", combined.Detail, StringComparison.Ordinal);
        }
    }

    private SlurmSweepPlan Plan(string folder, SlurmJobOptions options) => ClusterSweep.Plan(
        FourUnits, folder, options, ["--families", "random-relu,place-cells"], ["/bin/true"],
        ToolkitBuild.FromDirectory(_toolkit.BuildFolder), writePlanFile: true);
}
