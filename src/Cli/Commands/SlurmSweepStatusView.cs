using System.Globalization;
using NeuralPredictivity.Benchmark.Cluster;

namespace NeuralPredictivity.Cli.Commands;

/// <summary>The part of <c>predictivity sweep status</c> for sweeps submitted with <c>--slurm</c>.</summary>
/// <remarks>
/// Units are listed as finished, running, pending (queued, or waiting behind other units of a
/// running task), failed (the task ended without finishing them) or missing, from the sweep folder,
/// the task records and, when they work here, squeue and sacct.
/// </remarks>
internal static class SlurmSweepStatusView
{
    /// <summary>Prints the cluster view when <paramref name="folder"/> was submitted to SLURM.</summary>
    /// <returns>The exit code (0 every unit finished, 3 not yet), or null when the sweep was never
    /// submitted and the plain folder view applies.</returns>
    internal static int? TryPrint(TextWriter output, string folder, bool all)
    {
        if (!File.Exists(Path.Combine(Path.GetFullPath(folder), "slurm", SlurmSubmission.LogFileName)))
        {
            return null;
        }

        var status = ClusterSweep.Status(folder);
        var counts = Enum.GetValues<ClusterUnitState>().Select(s => $"{status.Count(s)} {Label(s)}");
        output.WriteLine($"{status.Units.Count} units: {string.Join(", ", counts)}");

        var slurm = status.Slurm;
        var latest = slurm.Submissions[^1];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"SLURM: {slurm.Submissions.Count} submission(s); latest array job {latest.ArrayJobId} " +
            $"({latest.Shards.Count} of {latest.ShardCount} shards, {latest.SubmittedUtc:yyyy-MM-dd HH:mm} UTC), " +
            $"merge job {latest.MergeJobId}: {Describe(slurm.Merge!)}."));
        if (!slurm.QueueRead)
        {
            output.WriteLine("  squeue does not work here; states come from the task records in the sweep folder.");
        }

        foreach (var unit in status.Units.Where(u => all || u.State != ClusterUnitState.Finished))
        {
            var detail = unit.Detail.Length > 0 ? $": {unit.Detail}" : "";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {Label(unit.State),-9} {unit.Unit.Id}  shard {unit.Shard}{detail}"));
        }

        if (status.Count(ClusterUnitState.Failed) + status.Count(ClusterUnitState.Missing) > 0
            && status.Count(ClusterUnitState.Running) + status.Count(ClusterUnitState.Pending) == 0)
        {
            output.WriteLine("Resubmit the same `predictivity sweep ... --slurm` command to run only what is missing.");
        }

        return status.Units.All(u => u.State == ClusterUnitState.Finished) ? 0 : SweepCommandMerge.Partial;
    }

    private static string Describe(SlurmShardStatus task) =>
        $"{task.State.ToString().ToLowerInvariant()} ({task.Detail})";

    private static string Label(ClusterUnitState state) => state.ToString().ToLowerInvariant();
}
