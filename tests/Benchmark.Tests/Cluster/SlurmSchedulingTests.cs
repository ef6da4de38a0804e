using System.Diagnostics;
using NeuralPredictivity.Benchmark.Cluster;

namespace NeuralPredictivity.Benchmark.Tests.Cluster;

/// <summary>The generated scripts on a real slurmctld, with a stand-in toolkit doing trivial shard work.</summary>
[Collection(SlurmClusterCollection.Name)]
public sealed class SlurmSchedulingTests : IDisposable
{
    private readonly SlurmCluster _cluster;
    private readonly StandInToolkit _toolkit = new();

    public SlurmSchedulingTests(SlurmCluster cluster)
    {
        _cluster = cluster;
    }

    public void Dispose() => _toolkit.Dispose();

    [SlurmFact]
    public void ArrayRunsEveryShardThenTheMergeJobRunsAfterIt()
    {
        var plan = _toolkit.Plan("sweep", shardCount: 4);
        var commands = Commands(("STANDIN_SLEEP", "1"));

        var submission = new SlurmSweepSubmitter(commands).Submit(plan, new SlurmJobOptions { CpusPerTask = 1 });
        WaitUntilGone(commands, submission.ArrayJobId, submission.MergeJobId);

        Assert.Equal([1, 2, 3, 4], submission.Shards);
        Assert.Equal("shard-1\nshard-2\nshard-3\nshard-4\n",
            File.ReadAllText(Path.Combine(plan.SweepFolder, "merged.txt")));
        var shardCalls = _toolkit.Calls.Where(c => c.StartsWith("sweep --families", StringComparison.Ordinal));
        Assert.All(shardCalls, call => Assert.EndsWith("--threads 1\tthreads=1\tomp=1", call));
        Assert.Equal(4, shardCalls.Count());

        var status = SlurmSweepStatus.Read(plan.SweepFolder, commands);
        Assert.True(status.QueueRead);
        Assert.All(status.Shards, s => Assert.Equal(SlurmTaskState.Completed, s.State));
        Assert.Equal(SlurmTaskState.Completed, status.Merge!.State);
        var recorded = Assert.Single(SlurmSubmission.ReadAll(plan.SlurmFolder));
        Assert.Equal(submission with { Shards = recorded.Shards }, recorded);
        Assert.Equal(submission.Shards, recorded.Shards);
    }

    [SlurmFact]
    public void CancelledTaskIsReportedAndResubmittingRunsOnlyItsShard()
    {
        var plan = _toolkit.Plan("sweep", shardCount: 3);
        var commands = Commands(("STANDIN_SLEEP", "3"));
        var submitter = new SlurmSweepSubmitter(commands);
        var first = submitter.Submit(plan, new SlurmJobOptions());

        // Cancel once the task has started its shard (a task cancelled while pending leaves no record).
        var record = Path.Combine(plan.SlurmFolder, "tasks", "shard-2.state");
        WaitFor(() => File.Exists(record)
            && File.ReadAllText(record).Contains("\trunning\t", StringComparison.Ordinal));
        Assert.Equal(SlurmTaskState.Running, SlurmSweepStatus.Read(plan.SweepFolder, commands).Shards[1].State);
        var busy = Assert.Throws<SlurmException>(() => submitter.Submit(plan, new SlurmJobOptions()));
        Cancel(commands, $"{first.ArrayJobId}_2");
        WaitUntilGone(commands, first.ArrayJobId, first.MergeJobId);

        var afterCancel = SlurmSweepStatus.Read(plan.SweepFolder, commands);
        Assert.Contains("still queued or running", busy.Message);
        Assert.Equal(SlurmTaskState.Cancelled, afterCancel.Shards[1].State);
        Assert.Equal(SlurmTaskState.Completed, afterCancel.Shards[0].State);
        Assert.Equal(SlurmTaskState.Completed, afterCancel.Shards[2].State);
        Assert.Equal("shard-1\nshard-3\n", File.ReadAllText(Path.Combine(plan.SweepFolder, "merged.txt")));

        var second = submitter.Submit(plan with { ShardsToRun = [2] }, new SlurmJobOptions());
        WaitUntilGone(commands, second.ArrayJobId, second.MergeJobId);

        Assert.Equal("shard-1\nshard-2\nshard-3\n", File.ReadAllText(Path.Combine(plan.SweepFolder, "merged.txt")));
        var shardCalls = _toolkit.Calls.Where(c => c.StartsWith("sweep --families", StringComparison.Ordinal))
            .Select(c => c.Split("--shard ")[1].Split(' ')[0]).Order().ToArray();
        Assert.Equal(["1/3", "2/3", "2/3", "3/3"], shardCalls);
        var final = SlurmSweepStatus.Read(plan.SweepFolder, commands);
        Assert.All(final.Shards, s => Assert.Equal(SlurmTaskState.Completed, s.State));
        Assert.Equal($"{second.ArrayJobId}_2", final.Shards[1].Task);
        Assert.Equal($"{first.ArrayJobId}_1", final.Shards[0].Task);
    }

    [SlurmFact]
    public void RefusedPartitionIsReportedWithTheOptionName()
    {
        var plan = _toolkit.Plan("sweep", shardCount: 2);

        var error = Assert.Throws<SlurmException>(() =>
            new SlurmSweepSubmitter(Commands()).Submit(plan, new SlurmJobOptions { Partition = "nosuch" }));

        Assert.Equal("--partition", error.Option);
        Assert.StartsWith("--partition: sbatch refused", error.Message, StringComparison.Ordinal);
        Assert.Contains("nosuch", error.Message);
        Assert.Empty(SlurmSubmission.ReadAll(plan.SlurmFolder));
    }

    [SlurmFact]
    public void MemoryBeyondAnyNodeIsReportedWithTheOptionName()
    {
        var plan = _toolkit.Plan("sweep", shardCount: 2);

        var error = Assert.Throws<SlurmException>(() =>
            new SlurmSweepSubmitter(Commands()).Submit(plan, new SlurmJobOptions { Memory = "4096G" }));

        Assert.Equal("--mem", error.Option);
        Assert.Contains("Memory specification can not be satisfied", error.Message);
    }

    private SlurmCommands Commands(params (string Name, string Value)[] extra)
    {
        var environment = new Dictionary<string, string>(_cluster.Environment);
        foreach (var (name, value) in extra)
        {
            environment[name] = value;
        }

        return new SlurmCommands(environment);
    }

    private static void Cancel(SlurmCommands commands, string task)
    {
        var result = commands.Run("scancel", [task]);
        Assert.True(result.ExitCode == 0, result.Error);
    }

    private void WaitUntilGone(SlurmCommands commands, params long[] jobs)
    {
        WaitFor(() =>
        {
            var queue = SlurmQueue.ReadQueue(commands, jobs) ?? throw new InvalidOperationException("squeue failed");
            return queue.Count == 0;
        });
    }

    private void WaitFor(Func<bool> condition)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!condition())
        {
            if (stopwatch.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException(
                    "the cluster did not reach the expected state within 60 s; the cluster now:\n" +
                    _cluster.Describe());
            }

            Thread.Sleep(200);
        }
    }
}
