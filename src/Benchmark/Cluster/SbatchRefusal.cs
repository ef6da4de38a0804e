namespace NeuralPredictivity.Benchmark.Cluster;

/// <summary>Turns sbatch's refusal text into the sweep option at fault and a fix.</summary>
/// <remarks>
/// The patterns are sbatch's own messages (SLURM 22.05 and later), for example
/// <c>invalid partition specified: gpu</c>, <c>Invalid --time specification</c>,
/// <c>Memory specification can not be satisfied</c> and
/// <c>Requested node configuration is not available</c>. A message matching none of them is passed
/// on unchanged, with no option named.
/// </remarks>
internal static class SbatchRefusal
{
    private static readonly (string Pattern, string Option, string Fix)[] Rules =
    [
        // "Job violates accounting/QOS policy (job submit limit, user's size and/or time limits)".
        ("qos policy", "--shards, --time or --cpus-per-task",
            "the cluster's limits refused the job: submit fewer tasks (--shards), or ask for less time or "
            + "fewer cores (`sacctmgr show qos` lists the limits)"),
        ("partition", "--partition", "choose a partition that `sinfo -s` lists"),
        ("--time", "--time", "write the limit as M, H:M:S or D-H:M:S"),
        ("time limit", "--time", "ask for no more than the partition's limit (`sinfo -s` shows it)"),
        ("memory specification", "--mem",
            "ask for no more memory than a node of the partition has (`sinfo -o '%P %m'`)"),
        ("--mem", "--mem", "write the memory as an integer with a unit K, M, G or T, such as 8G"),
        ("cpus-per-task", "--cpus-per-task", "ask for at least one core and no more than a node has"),
        ("node configuration is not available", "--cpus-per-task",
            "ask for no more cores or memory per task than one node of the partition offers "
            + "(`sinfo -o '%P %c %m'`)"),
        ("job array", "--shards",
            "use fewer shards: the cluster's MaxArraySize (`scontrol show config`) caps the array"),
        ("maxsubmitjob", "--shards",
            "use fewer shards: the cluster limits how many jobs (array tasks count) you may submit"),
        ("account", "--partition",
            "check the accounts and partitions you may use (`sacctmgr show assoc user=$USER`)"),
    ];

    /// <summary>The option sbatch's message points at, and a fix; both null when unrecognised.</summary>
    internal static (string? Option, string? Fix) Explain(string message)
    {
        foreach (var (pattern, option, fix) in Rules)
        {
            if (message.Contains(pattern, StringComparison.OrdinalIgnoreCase))
            {
                return (option, fix);
            }
        }

        return (null, null);
    }

    /// <summary>The exception for a refused submission of <paramref name="script"/>.</summary>
    internal static SlurmException ToException(string script, SlurmCommandResult result)
    {
        var said = string.Join(" ", (result.Error + "\n" + result.Output)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.StartsWith("sbatch: error: ", StringComparison.Ordinal)
                ? line["sbatch: error: ".Length..]
                : line));
        if (said.Length == 0)
        {
            said = $"no message, exit code {result.ExitCode}";
        }

        var (option, fix) = Explain(said);
        var message = option is null
            ? $"sbatch refused {script}: {said}."
            : $"{option}: sbatch refused {script}: {said}; {fix}.";
        return new SlurmException(message, option);
    }
}
