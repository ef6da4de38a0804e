namespace NeuralPredictivity.Datasets;

/// <summary>File formats a <see cref="Recording"/> can be read from.</summary>
public enum RecordingFormat
{
    /// <summary>The toolkit's own HDF5 layout <c>mec-spikes-position/1</c> (data/README.md).</summary>
    Native,

    /// <summary>Neurodata Without Borders 2.x (HDF5): a Units table and a SpatialSeries.</summary>
    Nwb,

    /// <summary>MATLAB v7.3 .mat (HDF5 behind a 512-byte user block) with a variable manifest.</summary>
    MatlabV73,
}
