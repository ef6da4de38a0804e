namespace NeuralPredictivity.Datasets;

/// <summary>One recorded unit: its id, spike times and the attributes its file gave it.</summary>
/// <remarks>
/// Spike times are in seconds on the position clock, sorted ascending. When the recording has
/// position, spikes outside the tracked interval [first, last position time] have been removed
/// at read time and counted in <see cref="SpikesOutsideTracking"/>. A neuron with no spikes is
/// kept: its rate map is 0 wherever the animal went.
/// </remarks>
public sealed class Neuron
{
    private readonly double[] _spikeTimes;

    internal Neuron(string id, double[] spikeTimes, IReadOnlyDictionary<string, string> attributes,
                    int spikesOutsideTracking)
    {
        Id = id;
        _spikeTimes = spikeTimes;
        Attributes = attributes;
        SpikesOutsideTracking = spikesOutsideTracking;
    }

    /// <summary>Unit id as in the file (native <c>/units/ids</c>, NWB <c>id</c> column, MATLAB manifest).</summary>
    public string Id { get; }

    /// <summary>Spike times in seconds, ascending.</summary>
    public IReadOnlyList<double> SpikeTimes => _spikeTimes;

    /// <summary>Number of spikes, after removing those outside the tracked interval.</summary>
    public int SpikeCount => _spikeTimes.Length;

    /// <summary>Spikes the file held outside the tracked interval, removed at read time.</summary>
    public int SpikesOutsideTracking { get; }

    /// <summary>Per-unit attributes (tetrode, grid module, quality, ...), formatted invariantly.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; }

    internal double[] Spikes => _spikeTimes;
}
