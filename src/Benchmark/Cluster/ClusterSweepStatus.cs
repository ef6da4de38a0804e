namespace NeuralPredictivity.Benchmark.Cluster;

/// <summary>A sweep's units as seen from its folder and from SLURM, and its tasks.</summary>
/// <param name="Units">Every unit in plan order.</param>
/// <param name="Slurm">The submissions, each shard's latest task and the latest merge job.</param>
public sealed record ClusterSweepStatus(IReadOnlyList<ClusterUnitStatus> Units, SlurmSweepStatus Slurm)
{
    /// <summary>How many units are in <paramref name="state"/>.</summary>
    public int Count(ClusterUnitState state) => Units.Count(u => u.State == state);
}
