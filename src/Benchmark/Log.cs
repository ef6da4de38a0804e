using Microsoft.Extensions.Logging;

namespace NeuralPredictivity.Benchmark;

/// <summary>Every log message of the Benchmark project, declared once.</summary>
internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} work folder(s) left by killed processes in {Folder}")]
    internal static partial void RemovedStaleWorkFolders(ILogger logger, int count, string folder);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Sweep shard {Shard}: {Owned} of {Total} units are this shard's, {Finished} already finished")]
    internal static partial void SweepStarting(ILogger logger, string shard, int owned, int total, int finished);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unit {Unit} failed: {Error}; the sweep goes on, see failed/")]
    internal static partial void UnitFailed(ILogger logger, string unit, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Merged {Finished} of {Total} units into {File}")]
    internal static partial void Merged(ILogger logger, int finished, int total, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Missing} unit(s) not finished, left out of the merge: {Units}")]
    internal static partial void MergeMissing(ILogger logger, int missing, string units);
}
