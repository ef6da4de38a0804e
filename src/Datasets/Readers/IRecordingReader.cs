using Microsoft.Extensions.Logging;

namespace NeuralPredictivity.Datasets;

/// <summary>
/// Reads one file format into <see cref="RecordingParts"/>; validation is shared and happens afterwards.
/// </summary>
/// <remarks>
/// To support a new format: add a value to <see cref="RecordingFormat"/>, implement this interface
/// (read through <see cref="Hdf5Reader"/> for HDF5-based formats so the type, byte-order and filter
/// checks come for free), and add it to <see cref="RecordingReader"/>'s format switch and detection.
/// docs/adding-a-dataset.md walks through it and through the tests to write.
/// </remarks>
internal interface IRecordingReader
{
    RecordingFormat Format { get; }

    RecordingParts Read(string path, RecordingReadOptions options, ILogger logger);
}
