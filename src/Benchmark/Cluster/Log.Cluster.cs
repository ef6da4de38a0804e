using Microsoft.Extensions.Logging;

namespace NeuralPredictivity.Benchmark;

/// <summary>Log messages of the cluster (SLURM) part of the Benchmark project.</summary>
internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information,
        Message = "Wrote the sbatch scripts {ArrayScript} ({Tasks} {TaskNoun}) and {MergeScript}")]
    private static partial void SlurmScriptsWritten(
        ILogger logger, string arrayScript, int tasks, string taskNoun, string mergeScript);

    internal static void SlurmScriptsWritten(ILogger logger, string arrayScript, int tasks, string mergeScript) =>
        SlurmScriptsWritten(logger, arrayScript, tasks, ArrayTasks(tasks), mergeScript);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Running {Program} {Arguments}")]
    internal static partial void SlurmCommandStarting(ILogger logger, string program, string arguments);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Submitted array job {ArrayJob} ({Tasks} {TaskNoun}) and merge job {MergeJob} that waits for it")]
    private static partial void SlurmSubmitted(
        ILogger logger, long arrayJob, int tasks, string taskNoun, long mergeJob);

    internal static void SlurmSubmitted(ILogger logger, long arrayJob, int tasks, long mergeJob) =>
        SlurmSubmitted(logger, arrayJob, tasks, ArrayTasks(tasks), mergeJob);

    /// <summary>"array task" or "array tasks", as the count asks.</summary>
    private static string ArrayTasks(int count) => count == 1 ? "array task" : "array tasks";

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Array job {ArrayJob} was submitted but its merge job was refused: {Error}")]
    internal static partial void SlurmMergeRefused(ILogger logger, long arrayJob, string error);
}
