using System.Reflection;

namespace NeuralPredictivity.Benchmark.Cluster;

/// <summary>Everything the sbatch scripts of one sweep need: folder, command, shards and build.</summary>
/// <remarks>
/// The array script runs <c>Launcher… sweep SweepOptions… --out SweepFolder --shard i/ShardCount
/// --threads t</c> for each shard i in <see cref="ShardsToRun"/>; the merge script runs
/// <c>Launcher… sweep merge SweepFolder</c>. Paths are absolute because a task starts on another
/// machine, in another working directory, possibly long after submission.
/// </remarks>
public sealed record SlurmSweepPlan
{
    /// <summary>Absolute path of the sweep folder (the sweep's <c>--out</c>).</summary>
    public required string SweepFolder { get; init; }

    /// <summary>The command that starts the toolkit, absolute: <c>[dotnet, …/predictivity.dll]</c>
    /// or <c>[…/predictivity]</c>.</summary>
    public required IReadOnlyList<string> Launcher { get; init; }

    /// <summary>The sweep's own options (<c>--families … --dims … --seeds …</c>), without
    /// <c>--out</c>, <c>--shard</c>, <c>--threads</c> or any SLURM option.</summary>
    public required IReadOnlyList<string> SweepOptions { get; init; }

    /// <summary>Number of shards the units are split into: the <c>n</c> of <c>--shard i/n</c>.</summary>
    public required int ShardCount { get; init; }

    /// <summary>Shards (1-based, like <c>--shard i/n</c>) that still have missing units, ascending;
    /// each becomes one array task whose <c>SLURM_ARRAY_TASK_ID</c> is the shard.</summary>
    public required IReadOnlyList<int> ShardsToRun { get; init; }

    /// <summary>The build every task must run.</summary>
    public required ToolkitBuild Build { get; init; }

    /// <summary>Units in the sweep (for reports; not written into the scripts).</summary>
    public int UnitCount { get; init; }

    /// <summary>Units already finished when the plan was made (for reports).</summary>
    public int FinishedUnitCount { get; init; }

    /// <summary>Folder for scripts, task logs and task records: <c>SweepFolder/slurm</c>.</summary>
    public string SlurmFolder => Path.Combine(SweepFolder, "slurm");

    /// <summary>Path of the array script: <c>SweepFolder/slurm/sweep.sbatch</c>.</summary>
    public string ArrayScriptPath => Path.Combine(SlurmFolder, SbatchScript.ArrayFileName);

    /// <summary>Path of the merge script: <c>SweepFolder/slurm/merge.sbatch</c>.</summary>
    public string MergeScriptPath => Path.Combine(SlurmFolder, SbatchScript.MergeFileName);

    /// <summary>Job name shown by <c>squeue</c>: <c>sweep-</c> and the sweep folder's name.</summary>
    public string JobName => "sweep-" + new string(Path.GetFileName(SweepFolder.TrimEnd('/'))
        .Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')
        .ToArray());

    /// <summary>The command that started this process, as absolute paths, for scripts to run again.</summary>
    /// <remarks>Under <c>dotnet predictivity.dll</c> it is the dotnet host and the entry assembly;
    /// under the apphost it is the apphost alone.</remarks>
    /// <exception cref="InvalidOperationException">The process path or entry assembly is unknown.</exception>
    public static IReadOnlyList<string> CurrentLauncher()
    {
        var process = Environment.ProcessPath
            ?? throw new InvalidOperationException("The path of the running program is unknown.");
        if (!Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.Ordinal))
        {
            return [Path.GetFullPath(process)];
        }

        var entry = Assembly.GetEntryAssembly()?.Location;
        if (string.IsNullOrEmpty(entry))
        {
            throw new InvalidOperationException("The entry assembly of the running program has no file path.");
        }

        return [Path.GetFullPath(process), Path.GetFullPath(entry)];
    }
}
