namespace NeuralPredictivity.Models;

/// <summary>
/// A training run's output path and its <c>resume</c> choice do not fit the checkpoint found there: a
/// checkpoint exists but resuming was not asked for, or it was written with other settings than those
/// requested. Raised before any training step, so nothing was changed; a usage error, not a failure.
/// </summary>
public sealed class CheckpointConflictException : IOException
{
    /// <summary>Creates the exception with a message naming the checkpoint and what to do.</summary>
    public CheckpointConflictException(string message)
        : base(message)
    {
    }
}
