namespace NeuralPredictivity.Benchmark.Cluster;

/// <summary>Where one shard's latest array task (or the merge job) stands, and how that is known.</summary>
/// <param name="Shard">Shard, 1-based as in <c>--shard i/n</c>; 0 for the merge job.</param>
/// <param name="Task">SLURM task id (<c>arrayjob_shard</c>, or the merge job id); null when never submitted.</param>
/// <param name="State">Where the task stands.</param>
/// <param name="Detail">SLURM's words or the task record's, such as <c>PENDING (Priority)</c> or
/// <c>failed (exit 1) on node7 at 2025-01-01T10:00:00Z</c>.</param>
public sealed record SlurmShardStatus(int Shard, string? Task, SlurmTaskState State, string Detail);
