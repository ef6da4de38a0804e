using System.Globalization;

namespace NeuralPredictivity.Benchmark.Cluster;

/// <summary>Where a sweep's SLURM tasks stand: per shard, and for the latest merge job.</summary>
/// <remarks>
/// <para>
/// Sources, most authoritative first: <c>squeue</c> (queued and running tasks), <c>sacct</c> (how
/// tasks ended, where accounting is configured), then the task records the array script keeps in
/// <c>slurm/tasks</c>. A record left at running by a task that is no longer queued means the task
/// was killed without warning; such a shard is reported <see cref="SlurmTaskState.Vanished"/>.
/// Without squeue (status read on a machine outside the cluster) a submitted task with no final
/// record is <see cref="SlurmTaskState.Unknown"/>.
/// </para>
/// <para>
/// A shard is described by the latest submission that included it, so resubmitting only the
/// shards with missing units leaves the others described by their earlier tasks.
/// </para>
/// </remarks>
public sealed class SlurmSweepStatus
{
    private SlurmSweepStatus(
        IReadOnlyList<SlurmSubmission> submissions,
        IReadOnlyList<SlurmShardStatus> shards,
        SlurmShardStatus? merge,
        bool queueRead,
        bool accountingRead)
    {
        Submissions = submissions;
        Shards = shards;
        Merge = merge;
        QueueRead = queueRead;
        AccountingRead = accountingRead;
    }

    /// <summary>Every submission of the sweep, oldest first; empty when it was never submitted.</summary>
    public IReadOnlyList<SlurmSubmission> Submissions { get; }

    /// <summary>One entry per shard of the latest submission's shard count: shard i at index i − 1.</summary>
    public IReadOnlyList<SlurmShardStatus> Shards { get; }

    /// <summary>The latest submission's merge job; null when never submitted.</summary>
    public SlurmShardStatus? Merge { get; }

    /// <summary>Whether squeue answered.</summary>
    public bool QueueRead { get; }

    /// <summary>Whether sacct answered (SLURM accounting is configured).</summary>
    public bool AccountingRead { get; }

    /// <summary>Reads the sweep's submissions and task records and asks squeue and sacct when they work.</summary>
    /// <param name="sweepFolder">The sweep folder (the sweep's <c>--out</c>).</param>
    /// <exception cref="InvalidDataException">The submission log is malformed.</exception>
    public static SlurmSweepStatus Read(string sweepFolder) => Read(sweepFolder, new SlurmCommands());

    internal static SlurmSweepStatus Read(string sweepFolder, SlurmCommands commands)
    {
        var slurmFolder = Path.Combine(Path.GetFullPath(sweepFolder), "slurm");
        var submissions = SlurmSubmission.ReadAll(slurmFolder);
        if (submissions.Count == 0)
        {
            return new SlurmSweepStatus(submissions, [], null, queueRead: false, accountingRead: false);
        }

        var jobIds = submissions.SelectMany(s => new[] { s.ArrayJobId, s.MergeJobId }).ToHashSet();
        var queue = SlurmQueue.ReadQueue(commands, jobIds);
        var accounting = SlurmQueue.ReadAccounting(commands, jobIds);
        var known = Index(queue, accounting);

        var shardCount = submissions[^1].ShardCount;
        var shards = new SlurmShardStatus[shardCount];
        for (var shard = 1; shard <= shardCount; shard++)
        {
            var submission = submissions.LastOrDefault(s => s.ShardCount == shardCount && s.Shards.Contains(shard));
            shards[shard - 1] = submission is null
                ? new SlurmShardStatus(shard, null, SlurmTaskState.NotSubmitted, "not submitted")
                : Resolve(shard, $"{Id(submission.ArrayJobId)}_{Id(shard)}", (submission.ArrayJobId, shard),
                    known, SlurmTaskRecord.Read(SlurmTaskRecord.ShardPath(slurmFolder, shard)), queue is not null);
        }

        var latest = submissions[^1];
        var merge = Resolve(0, Id(latest.MergeJobId), (latest.MergeJobId, null), known,
            SlurmTaskRecord.Read(SlurmTaskRecord.MergePath(slurmFolder)), queue is not null);
        return new SlurmSweepStatus(submissions, shards, merge, queue is not null, accounting is not null);
    }

    private static SlurmShardStatus Resolve(
        int shard,
        string task,
        (long JobId, int? Index) key,
        IReadOnlyDictionary<(long, int?), SlurmQueue.Entry> known,
        SlurmTaskRecord? record,
        bool queueRead)
    {
        if (known.TryGetValue(key, out var entry))
        {
            return new SlurmShardStatus(shard, task, entry.State, entry.Detail);
        }

        var ownRecord = record is not null && record.Task == task ? record : null;
        if (ownRecord is not null && ownRecord.MappedState != SlurmTaskState.Running)
        {
            return new SlurmShardStatus(shard, task, ownRecord.MappedState, ownRecord.Describe());
        }

        if (!queueRead)
        {
            var seen = ownRecord is null ? "no record yet" : "record: " + ownRecord.Describe();
            return new SlurmShardStatus(shard, task, SlurmTaskState.Unknown, $"squeue not available here; {seen}");
        }

        return new SlurmShardStatus(shard, task, SlurmTaskState.Vanished, ownRecord is null
            ? "left the queue without starting (cancelled while pending?)"
            : $"left the queue while its record says {ownRecord.Describe()} (killed without warning?)");
    }

    // squeue describes live tasks better than sacct, which lags; its entries win.
    private static Dictionary<(long, int?), SlurmQueue.Entry> Index(
        IReadOnlyList<SlurmQueue.Entry>? queue,
        IReadOnlyList<SlurmQueue.Entry>? accounting)
    {
        var known = new Dictionary<(long, int?), SlurmQueue.Entry>();
        foreach (var entry in (accounting ?? []).Concat(queue ?? []))
        {
            known[(entry.JobId, entry.Index)] = entry;
        }

        return known;
    }

    private static string Id(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Id(int value) => value.ToString(CultureInfo.InvariantCulture);
}
