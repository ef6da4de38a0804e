namespace NeuralPredictivity.Datasets;

/// <summary>Who recorded a session, where, and how to cite it.</summary>
/// <remarks>
/// Fields are null when the source does not say. <see cref="Attributes"/> keeps every other
/// text or number the file attached to the session (NWB identifiers, native-layout provenance
/// attributes), formatted invariantly.
/// </remarks>
public sealed record RecordingMetadata
{
    /// <summary>Free-text description of the session.</summary>
    public string? Description { get; init; }

    /// <summary>Species, e.g. "Rattus norvegicus (Long-Evans)".</summary>
    public string? Species { get; init; }

    /// <summary>Recorded brain region(s).</summary>
    public string? BrainRegion { get; init; }

    /// <summary>The paper to cite for the data.</summary>
    public string? Citation { get; init; }

    /// <summary>DOI of the paper, when known.</summary>
    public string? Doi { get; init; }

    /// <summary>Where the data were obtained (lab, repository or web site).</summary>
    public string? Source { get; init; }

    /// <summary>Licence or terms of use as stated by the source.</summary>
    public string? Licence { get; init; }

    /// <summary>Every other session-level attribute, by name.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();
}
