namespace NeuralPredictivity.Datasets;

/// <summary>What a reader found in a file, before validation turns it into a <see cref="Recording"/>.</summary>
/// <remarks>
/// The paths name where each array came from (an HDF5 path, or a MATLAB variable), so validation
/// messages can point at the exact place in the file.
/// </remarks>
internal sealed class RecordingParts
{
    internal required string Name { get; init; }

    internal required string SourcePath { get; init; }

    internal required RecordingFormat Format { get; init; }

    internal double[]? Times { get; init; }

    internal double[]? X { get; init; }

    internal double[]? Y { get; init; }

    internal string TimePath { get; init; } = "/position/t";

    internal string XPath { get; init; } = "/position/x";

    internal string YPath { get; init; } = "/position/y";

    /// <summary>
    /// Why there is no position (for the message when rate maps are requested), when <see cref="Times"/> is
    /// null.
    /// </summary>
    internal string? NoPositionReason { get; init; }

    internal List<NeuronParts> Neurons { get; } = [];

    internal Arena? Arena { get; init; }

    internal RecordingMetadata Metadata { get; init; } = new();
}

/// <summary>One unit as read: id, spike times in s, attributes and the path they came from.</summary>
internal sealed record NeuronParts(string Id, double[] SpikeTimes, IReadOnlyDictionary<string, string> Attributes,
                                   string SpikePath);
