namespace NeuralPredictivity.Datasets;

/// <summary>One registered dataset: a name, a file, and how to read it.</summary>
/// <remarks>
/// Bundled datasets (<see cref="IsBundled"/>) live in the toolkit's data/mec folder and are always
/// present; user datasets come from the registry file. The reading settings are those given to
/// <c>datasets add</c>, so a later <c>datasets inspect NAME</c> reads the file the same way.
/// </remarks>
public sealed record DatasetEntry
{
    /// <summary>Registry name (letters, digits, '_', '-', '.').</summary>
    public required string Name { get; init; }

    /// <summary>Absolute path of the recording file.</summary>
    public required string Path { get; init; }

    /// <summary>The file's format, or null to detect it when opening.</summary>
    public RecordingFormat? Format { get; init; }

    /// <summary>The true arena, overriding the file's; null keeps the file's (or the inferred one).</summary>
    public Arena? Arena { get; init; }

    /// <summary>NWB only: HDF5 path of the SpatialSeries to use as position.</summary>
    public string? NwbPositionPath { get; init; }

    /// <summary>MATLAB v7.3 only: which variables hold t, x, y and spikes.</summary>
    public MatlabVariableMap? MatlabVariables { get; init; }

    /// <summary>True for the datasets shipped with the toolkit.</summary>
    public bool IsBundled { get; init; }

    /// <summary>The reading options these settings stand for.</summary>
    public RecordingReadOptions ToReadOptions() => new()
    {
        Name = Name,
        Format = Format,
        Arena = Arena,
        NwbPositionPath = NwbPositionPath,
        MatlabVariables = MatlabVariables,
    };
}
