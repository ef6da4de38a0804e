using Microsoft.Extensions.Logging;

namespace NeuralPredictivity.Benchmark;

/// <summary>Log messages of the cluster (SLURM) part of the Benchmark project.</summary>
internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information,
        Message = "Wrote the sbatch scripts {ArrayScript} ({Tasks} array tasks) and {MergeScript}")]
    internal static partial void SlurmScriptsWritten(ILogger logger, string arrayScript, int tasks, string mergeScript);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Running {Program} {Arguments}")]
    internal static partial void SlurmCommandStarting(ILogger logger, string program, string arguments);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Submitted array job {ArrayJob} ({Tasks} tasks) and merge job {MergeJob} that waits for it")]
    internal static partial void SlurmSubmitted(ILogger logger, long arrayJob, int tasks, long mergeJob);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Array job {ArrayJob} was submitted but its merge job was refused: {Error}")]
    internal static partial void SlurmMergeRefused(ILogger logger, long arrayJob, string error);
}
