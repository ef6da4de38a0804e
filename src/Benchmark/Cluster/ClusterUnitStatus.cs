namespace NeuralPredictivity.Benchmark.Cluster;

/// <summary>One unit of a sweep submitted to SLURM: its shard, its state and why.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Shard">The shard that owns it (1-based), or 0 when the sweep was never submitted.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Detail">The task and what SLURM or the task record says, and the unit's error when it
/// failed; empty for a finished unit.</param>
public sealed record ClusterUnitStatus(SweepUnit Unit, int Shard, ClusterUnitState State, string Detail);
