using Microsoft.Extensions.Logging;

namespace NeuralPredictivity.Datasets;

/// <summary>Every log message of the Datasets project, declared once.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information,
        Message = "Read {FileName}: {NeuronCount} neurons, {SampleCount} position samples over {DurationS:0.##} s")]
    internal static partial void RecordingRead(ILogger logger, string fileName, int neuronCount, int sampleCount,
                                               double durationS);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information,
        Message = "Read {FileName}: {NeuronCount} neurons, no position")]
    internal static partial void RecordingReadWithoutPosition(ILogger logger, string fileName, int neuronCount);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning,
        Message = "{FileName}: {SpikeCount} spikes of {NeuronWithDropsCount} neurons fall outside the tracked " +
            "interval " +
                  "[{StartS:0.###}, {EndS:0.###}] s and were dropped")]
    internal static partial void SpikesOutsideTracking(ILogger logger, string fileName, int spikeCount,
                                                       int neuronWithDropsCount, double startS, double endS);

    [LoggerMessage(EventId = 103, Level = LogLevel.Debug,
        Message = "{FileName}: neuron {NeuronId} lost {SpikeCount} spikes outside the tracked interval")]
    internal static partial void NeuronSpikesOutsideTracking(ILogger logger, string fileName, string neuronId,
                                                             int spikeCount);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning,
        Message = "{FileName}: the file gives no arena size; using the tracked extent {Arena}. Pass the true size " +
                  "(datasets add --arena-size) when known: an inferred box shrinks to where the animal went")]
    internal static partial void ArenaInferred(ILogger logger, string fileName, string arena);

    [LoggerMessage(EventId = 105, Level = LogLevel.Warning,
        Message = "{FileName}: spike times of neuron {NeuronId} ({SpikePath}) were not sorted; sorted them")]
    internal static partial void SpikesSorted(ILogger logger, string fileName, string neuronId, string spikePath);

    [LoggerMessage(EventId = 106, Level = LogLevel.Information,
        Message = "{FileName}: {DatasetPath} is stored big-endian; byte-swapped on read")]
    internal static partial void BigEndianSwapped(ILogger logger, string fileName, string datasetPath);

    [LoggerMessage(EventId = 107, Level = LogLevel.Information,
        Message = "{FileName}: position from {SeriesPath} ({Unit}, conversion {Conversion}, offset {Offset})")]
    internal static partial void NwbPositionChosen(ILogger logger, string fileName, string seriesPath, string unit,
                                                   double conversion, double offset);

    [LoggerMessage(EventId = 108, Level = LogLevel.Warning,
        Message = "{FileName}: no SpatialSeries under /processing; the recording has units only (rate maps " +
            "unavailable)")]
    internal static partial void NwbNoPosition(ILogger logger, string fileName);

    [LoggerMessage(EventId = 109, Level = LogLevel.Warning,
        Message = "{FileName}: no units table; the recording holds the tracked path only")]
    internal static partial void NoUnits(ILogger logger, string fileName);

    [LoggerMessage(EventId = 110, Level = LogLevel.Warning,
        Message = "{FileName}: unknown metadata attribute {Name} was ignored")]
    internal static partial void UnknownMetadata(ILogger logger, string fileName, string name);

    [LoggerMessage(EventId = 111, Level = LogLevel.Warning,
        Message = "{FileName}: {StructPath} attribute MATLAB_fields names [{Named}], not the struct's members " +
                  "[{Members}]; fields are listed in stored order")]
    internal static partial void MatlabFieldsMismatch(ILogger logger, string fileName, string structPath,
        string named,
                                                      string members);

    [LoggerMessage(EventId = 120, Level = LogLevel.Information,
        Message = "Rate maps of {RecordingName}: {BinCount} bins ({VisitedCount} visited) × {NeuronCount} neurons; " +
                  "{SampleCount} of {TotalSampleCount} samples pass the {MinSpeed} cm/s speed filter")]
    internal static partial void RateMapsBuilt(ILogger logger, string recordingName, int binCount, int visitedCount,
                                               int neuronCount, int sampleCount, int totalSampleCount,
                                                   double minSpeed);

    [LoggerMessage(EventId = 121, Level = LogLevel.Information,
        Message = "{RecordingName}: {SpikeCount} spikes fell in tracking gaps longer than {MaxGapS} s and " +
            "were dropped")]
    internal static partial void SpikesInTrackingGaps(ILogger logger, string recordingName, int spikeCount,
                                                      double maxGapS);

    [LoggerMessage(EventId = 122, Level = LogLevel.Debug,
        Message = "{RecordingName}: {SpikeCount} spikes fell outside the grid and were dropped")]
    internal static partial void SpikesOutsideGrid(ILogger logger, string recordingName, int spikeCount);

    [LoggerMessage(EventId = 130, Level = LogLevel.Information,
        Message = "Reliability of {RecordingName} ({Scheme}): {DefinedCount} of {NeuronCount} neurons have a " +
            "defined ceiling, " +
                  "median ρ {MedianCeiling:0.###}")]
    internal static partial void ReliabilityComputed(ILogger logger, string recordingName, string scheme,
                                                     int definedCount, int neuronCount, double medianCeiling);

    [LoggerMessage(EventId = 131, Level = LogLevel.Debug,
        Message = "Reliability draw {Draw}: half A holds {BlockCountA} blocks, half B {BlockCountB}")]
    internal static partial void ReliabilityDraw(ILogger logger, int draw, int blockCountA, int blockCountB);

    [LoggerMessage(EventId = 132, Level = LogLevel.Warning,
        Message = "Cross-session reliability: {MissingCount} neurons of {FirstName} have no match by id in " +
            "{SecondName}")]
    internal static partial void CrossSessionUnmatched(ILogger logger, int missingCount, string firstName,
                                                       string secondName);

    [LoggerMessage(EventId = 140, Level = LogLevel.Information,
        Message = "Registered {Name} -> {Path} ({Format}) in {RegistryPath}")]
    internal static partial void DatasetRegistered(ILogger logger, string name, string path, string format,
                                                   string registryPath);
}
