namespace NeuralPredictivity.Benchmark.Cluster;

/// <summary>Entry points of <c>predictivity sweep --slurm</c>: plan a submission and read a sweep's
/// state from its folder and from SLURM.</summary>
/// <remarks>
/// <para>
/// The scheduler sees only the sweep's own contract: a unit is finished exactly when its folder
/// exists under <c>units/</c>, <c>--shard i/n</c> deals units round-robin in plan order
/// (<see cref="ShardSpec"/>), and <c>sweep merge</c> aggregates whatever is finished. A submission
/// therefore writes <c>sweep.json</c> first (so a plan that differs from the folder's is refused
/// before anything is queued), then submits only the shards that own at least one unfinished
/// unit. Resubmitting after a failure, a time limit or a <c>scancel</c> runs only what is missing.
/// </para>
/// <para>
/// The shard count stays that of the latest submission unless <c>--shards</c> says otherwise, so
/// a resubmission lines up with the task records of the first; the first submission uses one
/// shard per unit, at most <see cref="SlurmJobOptions.MaxShards"/>.
/// </para>
/// </remarks>
public static class ClusterSweep
{
    /// <summary>What to submit for <paramref name="sweep"/> in <paramref name="folder"/>.</summary>
    /// <param name="sweep">The sweep plan, as parsed from the command line.</param>
    /// <param name="folder">The sweep folder (<c>--out</c>).</param>
    /// <param name="options">The SLURM options.</param>
    /// <param name="sweepOptions">The sweep's own options for the tasks' command line (paths absolute).</param>
    /// <param name="launcher">The command that starts the toolkit, absolute.</param>
    /// <param name="build">The build every task must run.</param>
    /// <param name="writePlanFile">Whether to write <c>sweep.json</c> when the folder is new (false for
    /// a dry run); an existing <c>sweep.json</c> is always compared with the plan.</param>
    /// <returns>The plan; its <see cref="SlurmSweepPlan.ShardsToRun"/> is empty when every unit is finished.</returns>
    /// <exception cref="InvalidSettingsException">An option is invalid, or the plan differs from the
    /// folder's.</exception>
    public static SlurmSweepPlan Plan(
        SweepPlan sweep,
        string folder,
        SlurmJobOptions options,
        IReadOnlyList<string> sweepOptions,
        IReadOnlyList<string> launcher,
        ToolkitBuild build,
        bool writePlanFile)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();

        var sweepFolder = new SweepFolder(folder);
        if (writePlanFile || File.Exists(sweepFolder.PlanPath))
        {
            sweepFolder.EnsurePlan(sweep);
        }

        var units = sweepFolder.Status(sweep);
        var previous = SlurmSubmission.ReadAll(Path.Combine(sweepFolder.Root, "slurm"));
        var shardCount = options.Shards
            ?? (previous.Count > 0 ? previous[^1].ShardCount : Math.Min(units.Count, SlurmJobOptions.MaxShards));
        shardCount = Math.Max(1, shardCount);

        var shardsToRun = Enumerable.Range(1, shardCount)
            .Where(shard => OwnedPositions(new ShardSpec(shard, shardCount), units.Count)
                .Any(p => units[p].State != UnitState.Finished))
            .ToArray();

        return new SlurmSweepPlan
        {
            SweepFolder = sweepFolder.Root,
            Launcher = launcher,
            SweepOptions = sweepOptions,
            ShardCount = shardCount,
            ShardsToRun = shardsToRun,
            Build = build,
            UnitCount = units.Count,
            FinishedUnitCount = units.Count(u => u.State == UnitState.Finished),
        };
    }

    /// <summary>Every unit of the sweep in plan order, with its shard and the state of that shard's task.</summary>
    /// <param name="folder">The sweep folder.</param>
    /// <exception cref="FileNotFoundException">The folder has no <c>sweep.json</c>.</exception>
    public static ClusterSweepStatus Status(string folder) => Status(folder, new SlurmCommands());

    internal static ClusterSweepStatus Status(string folder, SlurmCommands commands)
    {
        var units = PredictivitySweep.Status(folder);
        var slurm = SlurmSweepStatus.Read(folder, commands);
        var shardCount = slurm.Shards.Count;
        var rows = new List<ClusterUnitStatus>(units.Count);
        for (var position = 0; position < units.Count; position++)
        {
            var unit = units[position];
            var task = shardCount == 0 ? null : slurm.Shards[position % shardCount];
            rows.Add(Combine(unit, task));
        }

        return new ClusterSweepStatus(rows, slurm);
    }

    /// <summary>One unit's state from its folder state and its shard's latest task.</summary>
    internal static ClusterUnitStatus Combine(UnitStatus unit, SlurmShardStatus? task)
    {
        var shard = task?.Shard ?? 0;
        if (unit.State == UnitState.Finished)
        {
            return new ClusterUnitStatus(unit.Unit, shard, ClusterUnitState.Finished, "");
        }

        var taskText = task?.Task is null ? "" : $"task {task.Task}: {task.Detail}";
        switch (task?.State)
        {
            case SlurmTaskState.Running when unit.State == UnitState.InProgress:
                return new ClusterUnitStatus(unit.Unit, shard, ClusterUnitState.Running, taskText);
            case SlurmTaskState.Running:
                return new ClusterUnitStatus(unit.Unit, shard, ClusterUnitState.Pending,
                    $"after the units before it in running {taskText}");
            case SlurmTaskState.Pending:
                return new ClusterUnitStatus(unit.Unit, shard, ClusterUnitState.Pending, taskText);
            case SlurmTaskState.Completed or SlurmTaskState.Failed or SlurmTaskState.Cancelled
                or SlurmTaskState.TimedOut or SlurmTaskState.Vanished:
                var error = unit.State == UnitState.Failed ? $"{unit.Detail}; " : "";
                return new ClusterUnitStatus(unit.Unit, shard, ClusterUnitState.Failed, error + taskText);
            default:
                // Never submitted, or SLURM cannot be asked from here: the folder is all we know.
                return unit.State == UnitState.Failed
                    ? new ClusterUnitStatus(unit.Unit, shard, ClusterUnitState.Failed, unit.Detail)
                    : new ClusterUnitStatus(unit.Unit, shard, ClusterUnitState.Missing,
                        unit.State == UnitState.InProgress ? $"work folder {unit.Detail}; {taskText}" : taskText);
        }
    }

    private static IEnumerable<int> OwnedPositions(ShardSpec shard, int unitCount) =>
        Enumerable.Range(0, unitCount).Where(shard.Owns);
}
