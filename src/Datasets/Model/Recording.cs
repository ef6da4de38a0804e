namespace NeuralPredictivity.Datasets;

/// <summary>One session: the tracked path, the recorded neurons, the arena and how to cite it.</summary>
/// <remarks>
/// Built only by the readers (<see cref="RecordingReader"/>), which validate before returning:
/// time strictly increasing and finite, x/y/t of equal length, positions NaN together where
/// tracking was lost, spikes outside the tracked interval removed and counted, neurons without
/// spikes kept, and an arena from the file or inferred from the tracked extent with a warning.
/// A recording may lack position (an NWB file with units only); it can then be listed and
/// inspected, and <see cref="RequirePosition"/> refuses rate maps with a message saying why.
/// </remarks>
public sealed class Recording
{
    private readonly string? _noPositionReason;

    internal Recording(string name, string sourcePath, RecordingFormat format, PositionTrack? position,
                       IReadOnlyList<Neuron> neurons, Arena? arena, RecordingMetadata metadata,
                       string? noPositionReason)
    {
        Name = name;
        SourcePath = sourcePath;
        Format = format;
        Position = position;
        Neurons = neurons;
        Arena = arena;
        Metadata = metadata;
        _noPositionReason = noPositionReason;

        if (position is not null)
        {
            (StartS, EndS) = (position.StartS, position.EndS);
        }
        else
        {
            var spikes = neurons.Where(n => n.SpikeCount > 0).ToList();
            (StartS, EndS) = spikes.Count == 0
                ? (0, 0)
                : (spikes.Min(n => n.Spikes[0]), spikes.Max(n => n.Spikes[^1]));
        }
    }

    /// <summary>Registry name, or the file name without extension when opened by path.</summary>
    public string Name { get; }

    /// <summary>Full path of the file the recording was read from.</summary>
    public string SourcePath { get; }

    /// <summary>Format the file was read as.</summary>
    public RecordingFormat Format { get; }

    /// <summary>The tracked path, or null when the file holds no position.</summary>
    public PositionTrack? Position { get; }

    /// <summary>True when the file holds position, so rate maps can be built.</summary>
    public bool HasPosition => Position is not null;

    /// <summary>The neurons in file order (native <c>/units/ids</c> order, NWB table rows, manifest order).</summary>
    public IReadOnlyList<Neuron> Neurons { get; }

    /// <summary>Neuron ids in <see cref="Neurons"/> order: the column ids of every rate-map matrix.</summary>
    public IReadOnlyList<string> NeuronIds => Neurons.Select(n => n.Id).ToArray();

    /// <summary>The enclosure; null only for a recording without position whose arena nobody gave.</summary>
    public Arena? Arena { get; }

    /// <summary>Species, region, citation and other session metadata.</summary>
    public RecordingMetadata Metadata { get; }

    /// <summary>Start of the session in s: the first position sample, or the first spike without position.</summary>
    public double StartS { get; }

    /// <summary>End of the session in s: the last position sample, or the last spike without position.</summary>
    public double EndS { get; }

    /// <summary>Session length in s (<see cref="EndS"/> − <see cref="StartS"/>).</summary>
    public double DurationS => EndS - StartS;

    /// <summary>
    /// The tracked path, or an explanation of why this recording cannot give <paramref name="purpose"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The file holds no position.</exception>
    public PositionTrack RequirePosition(string purpose)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        return Position ?? throw new InvalidOperationException(
            $"{System.IO.Path.GetFileName(SourcePath)} has no position " +
            $"({_noPositionReason ?? "no tracked path in the file"}), " +
            $"so it cannot give {purpose}: rate maps and noise ceilings need the animal's path. The file is " +
            "fine for " +
            "unit-level use (spike counts, firing rates); if the position lives elsewhere in the file, register it " +
            "with its HDF5 path (datasets add --position-path).");
    }

    /// <summary>Mean firing rate of each neuron in Hz, in <see cref="Neurons"/> order.</summary>
    /// <remarks>
    /// Spikes in the session divided by <see cref="DurationS"/> (with position the spikes are
    /// already restricted to the tracked interval, as in data/README.md). NaN for a zero-length
    /// session.
    /// </remarks>
    public double[] MeanRatesHz()
    {
        var duration = DurationS;
        return Neurons.Select(n => duration > 0 ? n.SpikeCount / duration : double.NaN).ToArray();
    }

    /// <summary>The neuron with this id, or an error listing the ids that exist.</summary>
    public Neuron Neuron(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Neurons.FirstOrDefault(n => n.Id == id) ?? throw new ArgumentException(
            $"{Name} has no neuron '{id}'; its neurons are {string.Join(", ", Neurons.Take(12).Select(n => n.Id))}" +
            (Neurons.Count > 12 ? $", … ({Neurons.Count} in all)." : "."), nameof(id));
    }
}
