using NeuralPredictivity.Benchmark.Cluster;

namespace NeuralPredictivity.Benchmark.Tests.Cluster;

public sealed class SlurmQueueTests
{
    [Fact]
    public void QueueLinesExpandPendingRangesAndKeepOnlyTheSweepsJobs()
    {
        // squeue --array --format=%F|%K|%T|%r as SLURM 22.05 prints it.
        const string output = """
            41|0|RUNNING|None
            41|1|RUNNING|None
            41|2-3%2|PENDING|JobArrayTaskLimit
            42|N/A|PENDING|Dependency
            99|N/A|RUNNING|None
            """;

        var entries = SlurmQueue.ParseQueue(output, [41, 42]);

        Assert.Equal(5, entries.Count);
        Assert.Equal(new SlurmQueue.Entry(41, 3, SlurmTaskState.Pending, "PENDING (JobArrayTaskLimit)"), entries[3]);
        Assert.Equal(new SlurmQueue.Entry(42, null, SlurmTaskState.Pending, "PENDING (Dependency)"), entries[4]);
        Assert.Equal(SlurmTaskState.Running, entries[0].State);
    }

    [Fact]
    public void AccountingLinesMapEveryEndingOntoAState()
    {
        // sacct --parsable2 --allocations --format=JobID,State,ExitCode
        const string output = """
            50_0|COMPLETED|0:0
            50_1|FAILED|1:0
            50_2|CANCELLED by 0|0:15
            50_3|TIMEOUT|0:0
            50_4|OUT_OF_MEMORY|0:125
            50_[5-6]|PENDING|0:0
            51|PENDING|0:0
            """;

        var entries = SlurmQueue.ParseAccounting(output, [50, 51]);

        Assert.Equal(
            [SlurmTaskState.Completed, SlurmTaskState.Failed, SlurmTaskState.Cancelled, SlurmTaskState.TimedOut,
             SlurmTaskState.Failed, SlurmTaskState.Pending, SlurmTaskState.Pending, SlurmTaskState.Pending],
            entries.Select(e => e.State));
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, null], entries.Select(e => e.Index));
        Assert.Equal("CANCELLED (exit 0:15)", entries[2].Detail);
    }

    [Theory]
    [InlineData("0-3,5,7-9:2", new[] { 0, 1, 2, 3, 5, 7, 9 })]
    [InlineData("[4-6%2]", new[] { 4, 5, 6 })]
    [InlineData("8", new[] { 8 })]
    public void ArrayIndexListsExpand(string spec, int[] expected)
    {
        Assert.Equal(expected, SlurmArrayIndices.Expand(spec));
    }

    [Theory]
    [InlineData("3-1")]
    [InlineData("a")]
    [InlineData("1-2-3")]
    public void MalformedIndexListsAreRefused(string spec)
    {
        Assert.Throws<FormatException>(() => SlurmArrayIndices.Expand(spec));
    }

    [Fact]
    public void CompressAndExpandAreInverse()
    {
        int[] shards = [0, 1, 2, 3, 10, 12, 13, 999];

        Assert.Equal(shards, SlurmArrayIndices.Expand(SlurmArrayIndices.Compress(shards)));
    }
}
