namespace NeuralPredictivity.Models;

/// <summary>Settings of feature maps from simulated trajectories in a box matching the arena.</summary>
/// <remarks>
/// Defaults are the protocol of Nayebi et al. (2021): 100 batches × 200 trajectories × 20 steps
/// = 400,000 positions, activations averaged per spatial bin. Trajectories move as the network's
/// own <see cref="TrajectoryOptions"/> say, with walls (never periodic), in a box the size of the
/// arena. Batch k uses a seed derived from (<see cref="Seed"/>, k).
/// </remarks>
public sealed record SyntheticTrajectoryProtocol
{
    /// <summary>Number of batches (default 100).</summary>
    public int BatchCount { get; init; } = 100;

    /// <summary>Trajectories per batch (default 200).</summary>
    public int TrajectoriesPerBatch { get; init; } = 200;

    /// <summary>Steps per trajectory (default 20); every step's position is binned.</summary>
    public int StepsPerTrajectory { get; init; } = 20;

    /// <summary>Seed of the trajectories (default 0).</summary>
    public int Seed { get; init; }

    /// <summary>Positions binned in total.</summary>
    public long PositionCount => (long)BatchCount * TrajectoriesPerBatch * StepsPerTrajectory;

    /// <summary>Throws an <see cref="ArgumentException"/> listing every count below 1.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (BatchCount < 1)
        {
            problems.Add($"batch count must be ≥ 1, got {BatchCount}");
        }

        if (TrajectoriesPerBatch < 1)
        {
            problems.Add($"trajectories per batch must be ≥ 1, got {TrajectoriesPerBatch}");
        }

        if (StepsPerTrajectory < 1)
        {
            problems.Add($"steps per trajectory must be ≥ 1, got {StepsPerTrajectory}");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid synthetic protocol: " + string.Join("; ", problems) + ".");
        }
    }
}
