using System.Globalization;

namespace NeuralPredictivity.Benchmark.Cluster;

/// <summary>The line a sweep's sbatch script keeps per shard (and for the merge job) in <c>slurm/tasks</c>.</summary>
/// <remarks>
/// Format, one tab-separated line: task (<c>arrayjob_shard</c> or the merge job id), state
/// (<c>running</c>, <c>completed</c>, <c>failed</c> or <c>cancelled</c>), detail (thread count,
/// exit code or signal), node, UTC time. The script replaces the file by rename, so a reader sees
/// the old line or the new one, never a mix.
/// </remarks>
internal sealed record SlurmTaskRecord(string Task, string State, string Detail, string Node, string Time)
{
    /// <summary>Folder of the records inside the sweep's slurm folder.</summary>
    internal const string FolderName = "tasks";

    /// <summary>Path of shard <paramref name="shard"/>'s record.</summary>
    internal static string ShardPath(string slurmFolder, int shard) =>
        Path.Combine(slurmFolder, FolderName, $"shard-{shard.ToString(CultureInfo.InvariantCulture)}.state");

    /// <summary>Path of the merge job's record.</summary>
    internal static string MergePath(string slurmFolder) => Path.Combine(slurmFolder, FolderName, "merge.state");

    /// <summary>The record at <paramref name="path"/>; null when absent or not a record line.</summary>
    internal static SlurmTaskRecord? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var fields = File.ReadAllText(path).TrimEnd('\n').Split('\t');
        return fields.Length == 5 ? new SlurmTaskRecord(fields[0], fields[1], fields[2], fields[3], fields[4]) : null;
    }

    /// <summary>The state this record reports; running stays running (the caller decides whether the
    /// task is still alive).</summary>
    internal SlurmTaskState MappedState => State switch
    {
        "completed" => SlurmTaskState.Completed,
        "cancelled" => SlurmTaskState.Cancelled,
        "running" => SlurmTaskState.Running,
        _ => SlurmTaskState.Failed,
    };

    /// <summary>Human-readable summary: state, detail, node and time.</summary>
    internal string Describe() => $"{State} ({Detail}) on {Node} at {Time}";
}
