using Microsoft.Extensions.Logging;

namespace NeuralPredictivity.Benchmark;

/// <summary>Runs the units of a sweep that this shard owns and that are not finished yet.</summary>
/// <remarks>
/// Each unit runs through <see cref="UnitRunner"/>, which writes the unit's results folder atomically
/// (see <see cref="SweepFolder"/>). A unit that throws is recorded in <c>failed/</c> and the sweep goes
/// on; cancellation stops after cleaning the unit in progress. Units run one after another: each run
/// already uses every core for its linear algebra.
/// </remarks>
internal sealed class SweepEngine
{
    /// <summary>Runs one unit with the given settings; writes its results folder at
    /// <see cref="RunSettings.OutputFolder"/> atomically, never replacing an existing one.</summary>
    internal delegate void UnitRunner(SweepUnit unit, RunSettings settings, CancellationToken cancellation);

    private readonly UnitRunner _runUnit;
    private readonly ILogger _logger;

    internal SweepEngine(UnitRunner runUnit, ILogger logger)
    {
        _runUnit = runUnit;
        _logger = logger;
    }

    internal SweepReport Run(SweepPlan plan, string folderPath, ShardSpec shard, IProgress<SweepProgress>? progress,
        CancellationToken cancellation)
    {
        var problems = plan.Validate();
        if (problems.Count > 0)
        {
            throw new InvalidSettingsException(problems);
        }

        var folder = new SweepFolder(folderPath);
        folder.EnsurePlan(plan);
        var stale = AtomicFolder.RemoveStale(folder.UnitsPath);
        if (stale > 0)
        {
            Log.RemovedStaleWorkFolders(_logger, stale, folder.UnitsPath);
        }

        var units = plan.Units();
        var owned = units.Where((_, position) => shard.Owns(position)).ToList();
        var todo = owned.Where(u => !folder.IsFinished(u)).ToList();
        Log.SweepStarting(_logger, shard.ToString(), owned.Count, units.Count, owned.Count - todo.Count);

        var ran = 0;
        var skipped = owned.Count - todo.Count;
        var failed = new List<UnitStatus>();
        for (var i = 0; i < todo.Count; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            var unit = todo[i];
            progress?.Report(new SweepProgress(unit, i, todo.Count));
            if (folder.IsFinished(unit))
            {
                skipped++;
                continue;
            }

            try
            {
                _runUnit(unit, plan.SettingsFor(unit, folder.UnitPath(unit)), cancellation);
                folder.ClearFailure(unit);
                ran++;
            }
            catch (ResultsFolderExistsException)
            {
                skipped++;
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                folder.RecordFailure(unit, e);
                Log.UnitFailed(_logger, unit.Id, e.Message);
                failed.Add(new UnitStatus(unit, UnitState.Failed, e.Message));
            }
        }

        progress?.Report(new SweepProgress(null, todo.Count, todo.Count));
        return new SweepReport(folder.Root, shard, owned.Count, ran, skipped, failed);
    }
}
