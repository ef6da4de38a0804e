namespace NeuralPredictivity.Benchmark.Cluster;

/// <summary>Where one array task (one shard) or the merge job stands.</summary>
public enum SlurmTaskState
{
    /// <summary>No submission of the sweep included this shard.</summary>
    NotSubmitted,

    /// <summary>Queued, waiting for resources or a dependency.</summary>
    Pending,

    /// <summary>Running on a node.</summary>
    Running,

    /// <summary>Ended with exit code 0.</summary>
    Completed,

    /// <summary>Ended with a non-zero exit code, ran out of memory, or its node failed.</summary>
    Failed,

    /// <summary>Cancelled (scancel) or preempted.</summary>
    Cancelled,

    /// <summary>Killed at its time limit.</summary>
    TimedOut,

    /// <summary>Left the queue without a record of how it ended: cancelled before it started, or
    /// killed without warning (SIGKILL, a lost node), and no accounting to ask.</summary>
    Vanished,

    /// <summary>Submitted, but neither SLURM nor a task record says where it stands (squeue does not
    /// work on this machine).</summary>
    Unknown,
}
