using System.Globalization;

namespace NeuralPredictivity.Benchmark.Cluster;

/// <summary>What squeue and sacct say about a sweep's jobs, keyed by job id and array index.</summary>
/// <remarks>
/// squeue knows queued and running jobs (and jobs that ended within the last MinJobAge seconds);
/// sacct knows how jobs ended but works only where accounting is configured (slurmdbd). Both are
/// optional: each reader returns null when its program is missing or refuses, and the sweep
/// status falls back to the task records the array script writes into the sweep folder.
/// </remarks>
internal static class SlurmQueue
{
    /// <summary>State of one job or array task as SLURM reports it.</summary>
    /// <param name="JobId">Array job id (or job id of a plain job).</param>
    /// <param name="Index">Array index; null for a plain job.</param>
    /// <param name="State">Mapped state.</param>
    /// <param name="Detail">SLURM's own words: state name, and the pending reason or exit code.</param>
    internal sealed record Entry(long JobId, int? Index, SlurmTaskState State, string Detail);

    /// <summary>The caller's queued and running jobs among <paramref name="jobIds"/>; null when squeue fails.</summary>
    internal static IReadOnlyList<Entry>? ReadQueue(SlurmCommands commands, IReadOnlyCollection<long> jobIds)
    {
        if (!commands.IsInstalled("squeue"))
        {
            return null;
        }

        // --me lists every job of this user; asking by id fails outright once one id has been purged.
        var result = commands.Run("squeue", ["--noheader", "--array", "--me", "--format=%F|%K|%T|%r"]);
        return result.ExitCode == 0 ? ParseQueue(result.Output, jobIds) : null;
    }

    /// <summary>How the given jobs ended or stand, from accounting; null when sacct is missing or
    /// accounting is disabled.</summary>
    internal static IReadOnlyList<Entry>? ReadAccounting(SlurmCommands commands, IReadOnlyCollection<long> jobIds)
    {
        if (jobIds.Count == 0 || !commands.IsInstalled("sacct"))
        {
            return null;
        }

        var ids = string.Join(',', jobIds.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        var result = commands.Run("sacct",
            ["--noheader", "--parsable2", "--allocations", $"--jobs={ids}", "--format=JobID,State,ExitCode"]);
        return result.ExitCode == 0 ? ParseAccounting(result.Output, jobIds) : null;
    }

    /// <summary>Parses <c>squeue --array --format=%F|%K|%T|%r</c> lines, keeping <paramref name="jobIds"/>.</summary>
    internal static IReadOnlyList<Entry> ParseQueue(string output, IReadOnlyCollection<long> jobIds)
    {
        var entries = new List<Entry>();
        foreach (var line in Lines(output))
        {
            var fields = line.Split('|');
            if (fields.Length < 3 || !TryParseId(fields[0], out var jobId) || !jobIds.Contains(jobId))
            {
                continue;
            }

            var reason = fields.Length > 3 ? fields[3] : "";
            var detail = reason is "" or "None" ? fields[2] : $"{fields[2]} ({reason})";
            foreach (var index in Indices(fields[1]))
            {
                entries.Add(new Entry(jobId, index, MapState(fields[2]), detail));
            }
        }

        return entries;
    }

    /// <summary>Parses <c>sacct --parsable2 --format=JobID,State,ExitCode</c> lines, such as
    /// <c>12_3|COMPLETED|0:0</c>, <c>12_[4-9%2]|PENDING|0:0</c> or <c>13|CANCELLED by 0|0:15</c>.</summary>
    internal static IReadOnlyList<Entry> ParseAccounting(string output, IReadOnlyCollection<long> jobIds)
    {
        var entries = new List<Entry>();
        foreach (var line in Lines(output))
        {
            var fields = line.Split('|');
            if (fields.Length < 3)
            {
                continue;
            }

            var idParts = fields[0].Split('_', 2);
            if (!TryParseId(idParts[0], out var jobId) || !jobIds.Contains(jobId))
            {
                continue;
            }

            var stateName = fields[1].Split(' ')[0];
            var detail = $"{stateName} (exit {fields[2]})";
            foreach (var index in Indices(idParts.Length == 2 ? idParts[1] : "N/A"))
            {
                entries.Add(new Entry(jobId, index, MapState(stateName), detail));
            }
        }

        return entries;
    }

    /// <summary>SLURM's state names (long or short form) mapped onto <see cref="SlurmTaskState"/>.</summary>
    internal static SlurmTaskState MapState(string state) => state.Split(' ')[0].TrimEnd('+') switch
    {
        "PENDING" or "PD" or "REQUEUED" or "RQ" or "REQUEUE_HOLD" or "REQUEUE_FED" or "RESV_DEL_HOLD"
            => SlurmTaskState.Pending,
        "RUNNING" or "R" or "CONFIGURING" or "CF" or "COMPLETING" or "CG" or "SUSPENDED" or "S"
            or "RESIZING" or "SIGNALING" or "STAGE_OUT" or "STOPPED" or "ST" => SlurmTaskState.Running,
        "COMPLETED" or "CD" => SlurmTaskState.Completed,
        "CANCELLED" or "CA" or "PREEMPTED" or "PR" or "REVOKED" => SlurmTaskState.Cancelled,
        "TIMEOUT" or "TO" or "DEADLINE" or "DL" => SlurmTaskState.TimedOut,
        _ => SlurmTaskState.Failed,
    };

    private static IEnumerable<int?> Indices(string field)
    {
        if (field is "" or "N/A")
        {
            return [null];
        }

        try
        {
            return SlurmArrayIndices.Expand(field).Select(i => (int?)i);
        }
        catch (FormatException)
        {
            return [];
        }
    }

    private static IEnumerable<string> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool TryParseId(string text, out long id) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id);
}
