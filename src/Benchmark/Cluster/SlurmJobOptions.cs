using System.Globalization;
using System.Text.RegularExpressions;

namespace NeuralPredictivity.Benchmark.Cluster;

/// <summary>What a sweep asks SLURM for: partition, time, cores and memory per task, and parallelism.</summary>
/// <remarks>
/// <para>
/// Each value is written as an <c>#SBATCH</c> directive of the array script, so the script shows
/// exactly what was requested; an unset value leaves the cluster's default in force. The options
/// are validated here, before anything is written or submitted, so a typo is reported with the
/// option's name instead of surfacing later as an opaque <c>sbatch</c> refusal.
/// </para>
/// <para>
/// Threads: every task computes with <c>min(SLURM_CPUS_PER_TASK, SLURM_CPUS_ON_NODE, nproc)</c>
/// threads, so a task never runs more compute threads than the cores it was granted
/// (oversubscription makes dense linear algebra many times slower).
/// </para>
/// </remarks>
public sealed partial record SlurmJobOptions
{
    /// <summary>The most array tasks one submission may hold: SLURM's default MaxArraySize is 1001.</summary>
    public const int MaxShards = 1000;

    /// <summary>Partition to run in (<c>--partition</c>); null for the cluster's default partition.</summary>
    public string? Partition { get; init; }

    /// <summary>Wall-time limit of each task (<c>--time</c>) in a SLURM time format; null for the default.</summary>
    /// <remarks>Accepted forms: <c>M</c>, <c>M:S</c>, <c>H:M:S</c>, <c>D-H</c>, <c>D-H:M</c>, <c>D-H:M:S</c>.</remarks>
    public string? TimeLimit { get; init; }

    /// <summary>Cores per task (<c>--cpus-per-task</c>); null asks for SLURM's default of one.</summary>
    public int? CpusPerTask { get; init; }

    /// <summary>Memory per node of each task (<c>--mem</c>), such as <c>8G</c>; null for the default.</summary>
    /// <remarks>An integer with an optional unit K, M, G or T (mebibytes when none), as sbatch reads it.</remarks>
    public string? Memory { get; init; }

    /// <summary>Most tasks running at once (<c>--array-parallelism</c>, the <c>%K</c> of
    /// <c>--array</c>); null for no limit.</summary>
    public int? ArrayParallelism { get; init; }

    /// <summary>Number of shards, one array task each (<c>--shards</c>); null for one shard per unit,
    /// capped at <see cref="MaxShards"/>.</summary>
    public int? Shards { get; init; }

    /// <summary>Every invalid option, each naming the option, what was expected and what was found.</summary>
    /// <returns>An empty list when every option is valid.</returns>
    public IReadOnlyList<SettingsProblem> Validate()
    {
        var problems = new List<SettingsProblem>();

        if (Partition is not null && !PartitionPattern().IsMatch(Partition))
        {
            problems.Add(new("--partition",
                "a partition name (letters, digits, '-', '_', '.', or a comma-separated list of them)",
                $"'{Partition}'"));
        }

        if (TimeLimit is not null && !IsSlurmTime(TimeLimit))
        {
            problems.Add(new("--time",
                "a SLURM time limit such as 90 (minutes), 4:00:00 or 2-00:00:00 (M, M:S, H:M:S, D-H, D-H:M or "
                + "D-H:M:S, greater than zero)", $"'{TimeLimit}'"));
        }

        if (CpusPerTask is { } cpus && cpus < 1)
        {
            problems.Add(new("--cpus-per-task", "an integer of at least 1", Format(cpus)));
        }

        if (Memory is not null && !MemoryPattern().IsMatch(Memory))
        {
            problems.Add(new("--mem",
                "a positive integer with an optional unit K, M, G or T, such as 8G (mebibytes when no unit is given)",
                $"'{Memory}'"));
        }

        if (ArrayParallelism is { } parallel && parallel < 1)
        {
            problems.Add(new("--array-parallelism", "an integer of at least 1 (the most tasks running at once)",
                Format(parallel)));
        }

        if (Shards is { } shards && (shards < 1 || shards > MaxShards))
        {
            problems.Add(new("--shards",
                $"an integer from 1 to {Format(MaxShards)} (SLURM's default MaxArraySize is 1001)", Format(shards)));
        }

        return problems;
    }

    /// <summary>Throws when any option is invalid, listing every problem at once.</summary>
    /// <exception cref="InvalidSettingsException">One or more options are invalid.</exception>
    public void EnsureValid()
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new InvalidSettingsException(problems);
        }
    }

    /// <summary>Whether <paramref name="text"/> is a time limit in one of sbatch's formats and above zero.</summary>
    internal static bool IsSlurmTime(string text)
    {
        var match = TimePattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        // Every captured field is a non-negative integer; the limit must not be zero overall.
        return match.Groups.Values.Skip(1)
            .Where(g => g.Success)
            .Any(g => long.Parse(g.Value, CultureInfo.InvariantCulture) > 0);
    }

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    // D-H, D-H:M, D-H:M:S, or M, M:S, H:M:S (sbatch's accepted forms).
    [GeneratedRegex(@"^(?:(\d+)-(\d+)(?::(\d+)(?::(\d+))?)?|(\d+)(?::(\d+)(?::(\d+))?)?)$")]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^[1-9]\d*[KMGT]?$")]
    private static partial Regex MemoryPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]+(,[A-Za-z0-9_.\-]+)*$")]
    private static partial Regex PartitionPattern();
}
