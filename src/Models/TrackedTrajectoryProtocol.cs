namespace NeuralPredictivity.Models;

/// <summary>Settings of feature maps from the animal's own tracked trajectory.</summary>
/// <remarks>
/// Tracking is resampled by linear interpolation at the network's time step (0.02 s by default)
/// so that displacements per step have the scale the network was trained on. Gaps in tracking
/// (NaN positions) up to <see cref="MaxGapSeconds"/> are bridged by the interpolation; a longer gap
/// splits the session, and the network restarts from the first position after it. The state is
/// carried from chunk to chunk of <see cref="ChunkSteps"/> steps, so chunking changes memory use,
/// not the result, unless <see cref="ReanchorEachChunk"/> re-encodes the true position at every
/// chunk start (a network trained on 20-step trajectories drifts over a 20-minute session).
/// </remarks>
public sealed record TrackedTrajectoryProtocol
{
    /// <summary>Steps per chunk (default 1000, 20 s at 50 Hz).</summary>
    public int ChunkSteps { get; init; } = 1000;

    /// <summary>Longest tracking gap bridged by interpolation, s (default 1).</summary>
    public double MaxGapSeconds { get; init; } = 1.0;

    /// <summary>Re-encode the true position at each chunk start instead of carrying the state
    /// (default false).</summary>
    public bool ReanchorEachChunk { get; init; }

    /// <summary>Throws an <see cref="ArgumentException"/> when a value is out of range.</summary>
    public void Validate()
    {
        if (ChunkSteps < 1)
        {
            throw new ArgumentException($"Chunk length must be ≥ 1 step, got {ChunkSteps}.", nameof(ChunkSteps));
        }

        if (!(MaxGapSeconds > 0) || double.IsNaN(MaxGapSeconds))
        {
            throw new ArgumentException($"Maximum gap must be > 0 s, got {MaxGapSeconds}.", nameof(MaxGapSeconds));
        }
    }
}
