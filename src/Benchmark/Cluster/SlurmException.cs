namespace NeuralPredictivity.Benchmark.Cluster;

/// <summary>A SLURM command is missing, refused a request or failed; the message says what to do.</summary>
public sealed class SlurmException : Exception
{
    /// <summary>Creates the exception with a message that names the command and, when known, the option.</summary>
    /// <param name="message">What failed, what SLURM said, and the fix when known.</param>
    /// <param name="option">The command-line option SLURM refused, such as <c>--partition</c>; null when
    /// the failure is not tied to one option.</param>
    /// <param name="inner">The underlying exception, such as a failed process start.</param>
    public SlurmException(string message, string? option = null, Exception? inner = null)
        : base(message, inner)
    {
        Option = option;
    }

    /// <summary>The option SLURM refused, such as <c>--time</c>; null when not tied to one option.</summary>
    public string? Option { get; }
}
