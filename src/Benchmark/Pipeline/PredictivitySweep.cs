using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace NeuralPredictivity.Benchmark;

/// <summary>Entry points of <c>predictivity sweep</c>: run a share of the units, merge, report status.</summary>
/// <remarks>
/// The folder layout is documented on <see cref="SweepFolder"/>: a unit is finished exactly when
/// <c>units/&lt;unit-id&gt;/</c> exists, so reruns skip it, a killed unit reruns, and shards never
/// collide. A cluster job array calls <see cref="Run"/> once per task with <c>--shard i/n</c>, then
/// <see cref="Merge"/> once.
/// </remarks>
public static class PredictivitySweep
{
    /// <summary>Runs this shard's unfinished units; every unit is a full <c>predictivity run</c>.</summary>
    /// <exception cref="InvalidSettingsException">The plan is invalid, or differs from the folder's plan.</exception>
    public static SweepReport Run(SweepPlan plan, string folder, ShardSpec shard, ILoggerFactory? loggers = null,
        IProgress<SweepProgress>? sweepProgress = null, IProgress<RunProgress>? runProgress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(shard);
        loggers ??= NullLoggerFactory.Instance;
        var problems = plan.Validate().ToList();
        if (FolderProblem(folder) is { } folderProblem)
        {
            problems.Add(folderProblem);
        }

        if (problems.Count == 0)
        {
            problems = Preflight(plan, loggers);
        }

        if (problems.Count > 0)
        {
            throw new InvalidSettingsException(problems);
        }

        var engine = new SweepEngine(
            (unit, settings, cancellation) =>
                PredictivityRun.Execute(settings, loggers, runProgress, [$"sweep unit {unit.Id}"],
                    replaceExisting: false, cancellation),
            loggers.CreateLogger(typeof(PredictivitySweep)));
        return engine.Run(plan, folder, shard, sweepProgress, cancellationToken);
    }

    /// <summary>A problem naming <c>--out</c> when <paramref name="folder"/> cannot hold this sweep: a file, a
    /// place where no folder can be made, or a non-empty folder that is not a sweep folder (no <c>sweep.json</c>),
    /// which a sweep would fill with its own files beside the user's; null when it is new, empty or a sweep.</summary>
    public static SettingsProblem? FolderProblem(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var full = Path.GetFullPath(folder);
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any()
            && !File.Exists(Path.Combine(full, SweepFolder.PlanFile)))
        {
            return new SettingsProblem("--out", "a new folder or an earlier sweep folder",
                $"{full}: the folder exists and is not a sweep folder (no {SweepFolder.PlanFile}); choose another " +
                "--out so nothing of yours is overwritten");
        }

        return OutputLocation.Problem("--out", full);
    }

    /// <summary>Checks, before any unit runs, that every family resolves at its largest dimension and then that the
    /// dataset opens and fits the bins; problems name <c>--families</c>, <c>--dims</c> or <c>--dataset</c>.
    /// </summary>
    internal static List<SettingsProblem> Preflight(SweepPlan plan, ILoggerFactory loggers)
    {
        var problems = new List<SettingsProblem>();
        var logger = loggers.CreateLogger(typeof(PredictivitySweep));
        var largest = plan.Dimensions.Max();
        foreach (var family in plan.Families)
        {
            var unit = new SweepUnit(family, largest, plan.Seeds[0]);
            var familyProblems = new List<SettingsProblem>();
            using var source = FeatureSource.Prepare(plan.SettingsFor(unit, "unused"), familyProblems);
            problems.AddRange(familyProblems.Select(p => p with
            {
                Option = p.Expected.StartsWith("d ≤", StringComparison.Ordinal) ? "--dims" : "--families",
                Found = $"family '{family}' at d = {largest}: {p.Found}",
            }));
        }

        // Last, so a wrong family fails before the recording is read.
        DatasetStage.Open(plan.Run, logger, problems);
        return problems;
    }

    /// <summary>Aggregates every finished unit into <c>sweep.csv</c> and the sweep figures.</summary>
    /// <param name="folder">The sweep folder.</param>
    /// <param name="loggers">Where the merge logs; null logs nothing.</param>
    /// <param name="cancellationToken">Stops between units and between files; a cancelled merge leaves the
    /// previous <c>sweep.csv</c> and no temporary file.</param>
    /// <exception cref="FileNotFoundException">The folder has no <c>sweep.json</c>.</exception>
    /// <exception cref="OperationCanceledException">The merge was cancelled.</exception>
    public static MergeReport Merge(
        string folder, ILoggerFactory? loggers = null, CancellationToken cancellationToken = default)
    {
        var logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger(typeof(PredictivitySweep));
        return SweepMerger.Merge(folder, logger, cancellationToken);
    }

    /// <summary>The state of every unit of the folder's plan, in plan order.</summary>
    /// <exception cref="FileNotFoundException">The folder has no <c>sweep.json</c>.</exception>
    public static IReadOnlyList<UnitStatus> Status(string folder)
    {
        var sweep = new SweepFolder(folder);
        return sweep.Status(sweep.ReadPlan());
    }

    /// <summary>The plan stored in a sweep folder.</summary>
    public static SweepPlan ReadPlan(string folder) => new SweepFolder(folder).ReadPlan();
}
