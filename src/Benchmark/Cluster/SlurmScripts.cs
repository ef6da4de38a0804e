namespace NeuralPredictivity.Benchmark.Cluster;

/// <summary>Absolute paths of a sweep's two sbatch scripts, as written into its slurm folder.</summary>
/// <param name="ArrayScript">The job array (one task per shard).</param>
/// <param name="MergeScript">The merge job, submitted with <c>--dependency=afterany:&lt;array job&gt;</c>.</param>
/// <param name="TaskCount">Number of array tasks the array script submits.</param>
public sealed record SlurmScripts(string ArrayScript, string MergeScript, int TaskCount);
