namespace NeuralPredictivity.Datasets;

/// <summary>How to read a recording file: its format, and what the file cannot say for itself.</summary>
/// <remarks>
/// Everything is optional for the native layout. NWB files name no arena, so one is inferred from
/// the tracked extent unless <see cref="Arena"/> is given; <see cref="NwbPositionPath"/> picks a
/// SpatialSeries other than the first one found. MATLAB v7.3 files need <see cref="MatlabVariables"/>
/// to say which variables hold times, positions and spikes.
/// </remarks>
public sealed record RecordingReadOptions
{
    /// <summary>Name to give the recording; defaults to the file name without extension.</summary>
    public string? Name { get; init; }

    /// <summary>The file's format, or null to detect it from the file's header and attributes.</summary>
    public RecordingFormat? Format { get; init; }

    /// <summary>The true arena, overriding the file's (or the inferred one); null keeps the file's.</summary>
    public Arena? Arena { get; init; }

    /// <summary>
    /// HDF5 path of the NWB SpatialSeries to use as position, or null for the first one under /processing.
    /// </summary>
    public string? NwbPositionPath { get; init; }

    /// <summary>
    /// Which MATLAB variables hold t, x, y, spike times and ids; required for <see
    /// cref="RecordingFormat.MatlabV73"/>.
    /// </summary>
    public MatlabVariableMap? MatlabVariables { get; init; }
}
