using NeuralPredictivity.Benchmark.Cluster;

namespace NeuralPredictivity.Benchmark.Tests.Cluster;

/// <summary>Status read from the sweep folder alone, as on a machine where squeue does not work.</summary>
public sealed class SlurmSweepStatusTests : IDisposable
{
    private readonly StandInToolkit _toolkit = new();

    public void Dispose() => _toolkit.Dispose();

    [Fact]
    public void WithoutSqueueFinalRecordsAreTrustedAndTheRestIsUnknown()
    {
        var sweep = Path.Combine(_toolkit.Root, "sweep");
        var slurm = Path.Combine(sweep, "slurm");
        Directory.CreateDirectory(Path.Combine(slurm, "tasks"));
        new SlurmSubmission(30, 31, [1, 2, 3, 4], 5, "v", DateTimeOffset.UnixEpoch).AppendTo(slurm);
        WriteRecord(slurm, 1, "30_1\tcompleted\texit 0\tnode1\t2025-01-01T00:00:00Z");
        WriteRecord(slurm, 2, "30_2\tfailed\texit 1\tnode2\t2025-01-01T00:00:00Z");
        WriteRecord(slurm, 3, "30_3\trunning\tthreads 4\tnode3\t2025-01-01T00:00:00Z");
        WriteRecord(slurm, 4, "29_4\tcompleted\texit 0\tnode3\t2024-12-01T00:00:00Z"); // an older task's record

        var status = SlurmSweepStatus.Read(sweep, NoSlurm());

        Assert.False(status.QueueRead);
        Assert.Equal(
            [SlurmTaskState.Completed, SlurmTaskState.Failed, SlurmTaskState.Unknown, SlurmTaskState.Unknown,
             SlurmTaskState.NotSubmitted],
            status.Shards.Select(s => s.State));
        Assert.Equal("failed (exit 1) on node2 at 2025-01-01T00:00:00Z", status.Shards[1].Detail);
        Assert.Equal("30_4", status.Shards[3].Task);
        Assert.Null(status.Shards[4].Task);
        Assert.Equal(SlurmTaskState.Unknown, status.Merge!.State);
    }

    [Fact]
    public void ResubmittedShardIsDescribedByItsLatestTask()
    {
        var sweep = Path.Combine(_toolkit.Root, "sweep");
        var slurm = Path.Combine(sweep, "slurm");
        Directory.CreateDirectory(Path.Combine(slurm, "tasks"));
        new SlurmSubmission(30, 31, [1, 2], 2, "v", DateTimeOffset.UnixEpoch).AppendTo(slurm);
        new SlurmSubmission(40, 41, [2], 2, "v", DateTimeOffset.UnixEpoch).AppendTo(slurm);
        WriteRecord(slurm, 1, "30_1\tcompleted\texit 0\tnode1\tt");
        WriteRecord(slurm, 2, "40_2\tcompleted\texit 0\tnode1\tt");

        var status = SlurmSweepStatus.Read(sweep, NoSlurm());

        Assert.Equal(["30_1", "40_2"], status.Shards.Select(s => s.Task));
        Assert.All(status.Shards, s => Assert.Equal(SlurmTaskState.Completed, s.State));
        Assert.Equal("41", status.Merge!.Task);
    }

    [Fact]
    public void NeverSubmittedSweepHasNoShards()
    {
        var status = SlurmSweepStatus.Read(Path.Combine(_toolkit.Root, "nothing"), NoSlurm());

        Assert.Empty(status.Submissions);
        Assert.Empty(status.Shards);
        Assert.Null(status.Merge);
    }

    private SlurmCommands NoSlurm() => new(new Dictionary<string, string> { ["PATH"] = _toolkit.Root });

    private static void WriteRecord(string slurm, int shard, string line) =>
        File.WriteAllText(Path.Combine(slurm, "tasks", $"shard-{shard}.state"), line + "\n");
}
