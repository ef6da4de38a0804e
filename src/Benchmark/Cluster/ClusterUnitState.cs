namespace NeuralPredictivity.Benchmark.Cluster;

/// <summary>Where one unit of a sweep submitted to SLURM stands.</summary>
public enum ClusterUnitState
{
    /// <summary>Its results folder exists under <c>units/</c>.</summary>
    Finished,

    /// <summary>Its shard's task is running and working on this unit now.</summary>
    Running,

    /// <summary>Its shard's task is queued, or running and not at this unit yet.</summary>
    Pending,

    /// <summary>Its shard's latest task ended without finishing it (failed, cancelled, timed out, lost),
    /// or its last attempt recorded an error; resubmitting runs it again.</summary>
    Failed,

    /// <summary>No task was ever asked to run it, or SLURM cannot be asked from this machine.</summary>
    Missing,
}
