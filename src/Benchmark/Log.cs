using Microsoft.Extensions.Logging;

namespace NeuralPredictivity.Benchmark;

/// <summary>Every log message of the Benchmark project, declared once.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 701, Level = LogLevel.Information,
        Message = "Removed {Count} work folder(s) left by killed processes in {Folder}")]
    internal static partial void RemovedStaleWorkFolders(ILogger logger, int count, string folder);

    [LoggerMessage(EventId = 702, Level = LogLevel.Information,
        Message = "Sweep shard {Shard}: {Owned} of {Total} units are this shard's, {Finished} already finished")]
    internal static partial void SweepStarting(ILogger logger, string shard, int owned, int total, int finished);

    [LoggerMessage(EventId = 703, Level = LogLevel.Warning,
        Message = "Unit {Unit} failed: {Error}; the sweep goes on, see failed/")]
    internal static partial void UnitFailed(ILogger logger, string unit, string error);

    [LoggerMessage(EventId = 704, Level = LogLevel.Information,
        Message = "Merged {Finished} of {Total} units into {File}")]
    internal static partial void Merged(ILogger logger, int finished, int total, string file);

    [LoggerMessage(EventId = 705, Level = LogLevel.Warning,
        Message = "{Missing} unit(s) not finished, left out of the merge: {Units}")]
    internal static partial void MergeMissing(ILogger logger, int missing, string units);

    [LoggerMessage(EventId = 706, Level = LogLevel.Warning,
        Message = "PLS asked for {Requested} components but the model has {Features} features; using {Features}")]
    internal static partial void PlsComponentsCapped(ILogger logger, int requested, int features);

    [LoggerMessage(EventId = 707, Level = LogLevel.Information,
        Message = "Regression bins: {Used} of {Total} ({ByNeurons} unvisited by the animal, "
            + "{ByFeatures} without features)")]
    internal static partial void MaskBuilt(ILogger logger, int used, int total, int byNeurons, int byFeatures);

    [LoggerMessage(EventId = 708, Level = LogLevel.Information,
        Message = "Features: d = {Dimension} ({Columns} columns), participation ratio {ParticipationRatio:0.00} "
            + "on the regression bins")]
    internal static partial void FeaturesReady(ILogger logger, int dimension, int columns, double participationRatio);

    [LoggerMessage(EventId = 709, Level = LogLevel.Information,
        Message = "Median r_norm {Median:0.000} [{Low:0.000}, {High:0.000}] over {Included} of {Total} neurons")]
    internal static partial void SummaryReady(
        ILogger logger, double median, double low, double high, int included, int total);

    [LoggerMessage(EventId = 711, Level = LogLevel.Warning,
        Message = "No neuron has both a noise ceiling and a defined score, so every median is NaN; the maps rest on " +
            "{Bins} bins (see --min-speed, --bin-size and the reliability options) and the exclusions are in " +
            "summary.json")]
    internal static partial void NoNeuronIncluded(ILogger logger, int bins);

    [LoggerMessage(EventId = 710, Level = LogLevel.Information, Message = "Wrote {Folder} in {Seconds:0.0} s")]
    internal static partial void RunWritten(ILogger logger, string folder, double seconds);

    [LoggerMessage(EventId = 712, Level = LogLevel.Warning,
        Message = "Replaced the earlier results in {Folder} (give another --out to keep both)")]
    internal static partial void RunReplaced(ILogger logger, string folder);
}
