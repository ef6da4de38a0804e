using Microsoft.Extensions.Logging;

namespace NeuralPredictivity.Models;

/// <summary>Every log message of the Models project, declared once.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 501, Level = LogLevel.Information,
        Message = "training {Network} for {Steps} steps " +
                  "(batch {BatchSize} × {SequenceLength} steps, lr {LearningRate})")]
    internal static partial void TrainingStarted(
        ILogger logger, string network, int steps, int batchSize, int sequenceLength, double learningRate);

    [LoggerMessage(EventId = 502, Level = LogLevel.Information,
        Message = "resuming {Checkpoint} at step {CompletedSteps} of {Steps}")]
    internal static partial void TrainingResumed(ILogger logger, string checkpoint, int completedSteps, int steps);

    [LoggerMessage(EventId = 503, Level = LogLevel.Debug, Message = "checkpoint {Checkpoint} saved at step {Step}")]
    internal static partial void CheckpointSaved(ILogger logger, string checkpoint, int step);

    [LoggerMessage(EventId = 504, Level = LogLevel.Debug,
        Message = "step {Step}: loss {Loss:0.0000}, decoding error {DecodingErrorCm:0.0} cm")]
    internal static partial void TrainingStep(ILogger logger, int step, double loss, double decodingErrorCm);

    [LoggerMessage(EventId = 505, Level = LogLevel.Information,
        Message = "trained to step {Step} in {Seconds:0.0} s; decoding error {DecodingErrorCm:0.0} cm")]
    internal static partial void TrainingFinished(ILogger logger, int step, double seconds, double decodingErrorCm);

    [LoggerMessage(EventId = 506, Level = LogLevel.Warning,
        Message = "training interrupted at step {Step}; checkpoint {Checkpoint} saved, resume to continue")]
    internal static partial void TrainingInterrupted(ILogger logger, int step, string checkpoint);

    [LoggerMessage(EventId = 507, Level = LogLevel.Information,
        Message = "feature maps: {Positions} positions, {VisitedBins} of {BinCount} bins visited, " +
                  "{Units} units ({Protocol})")]
    internal static partial void FeatureMapsBuilt(
        ILogger logger, long positions, int visitedBins, int binCount, int units, string protocol);

    [LoggerMessage(EventId = 508, Level = LogLevel.Warning,
        Message = "arena {ArenaWidthCm:0.#} × {ArenaHeightCm:0.#} cm is larger than the network's training box " +
                  "{BoxWidthCm:0.#} × {BoxHeightCm:0.#} cm; positions outside it have no place cells")]
    internal static partial void ArenaLargerThanTrainingBox(
        ILogger logger, double arenaWidthCm, double arenaHeightCm, double boxWidthCm, double boxHeightCm);

    [LoggerMessage(EventId = 509, Level = LogLevel.Warning,
        Message = "tracking has {GapCount} gaps longer than {MaxGapSeconds} s; the network restarts from the " +
                  "first position after each")]
    internal static partial void TrackingGaps(ILogger logger, int gapCount, double maxGapSeconds);
}
