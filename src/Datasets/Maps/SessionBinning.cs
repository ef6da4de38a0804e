namespace NeuralPredictivity.Datasets;

/// <summary>
/// Every position sample and spike of a session assigned to a bin once, so maps of the whole
/// session or of any subset of time (half-sessions, blocks) are sums over precomputed bins.
/// </summary>
/// <remarks>
/// A sample counts when it is tracked (finite x, y), inside the grid, and its speed is at least
/// <see cref="RateMapOptions.MinSpeedCmPerS"/>. Its speed is the distance between the neighbouring
/// tracked samples over their time difference (one-sided at the ends and next to a gap longer than
/// the interpolation limit); a sample with no usable neighbour has no speed and counts only when
/// the filter is off. Each sample contributes the median sampling interval to occupancy.
/// A spike's position is linearly interpolated between the tracked samples around it, exactly as
/// NumPy's <c>interp</c> does; if those samples are further apart than
/// <see cref="RateMapOptions.MaxInterpolationGapS"/> the spike lies in a tracking gap and is
/// dropped. Its speed is interpolated the same way and filtered like a sample's.
/// </remarks>
internal sealed class SessionBinning
{
    private readonly int[] _sampleBins;
    private readonly double[] _sampleTimes;
    private readonly int[][] _spikeBins;
    private readonly double[][] _spikeTimes;

    internal SessionBinning(Recording recording, SpatialGrid grid, RateMapOptions options)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var position = recording.RequirePosition("rate maps");

        Grid = grid;
        Options = options;
        DwellS = position.MedianIntervalS;
        TotalSampleCount = position.SampleCount;

        var tracked = Enumerable.Range(0, position.SampleCount)
            .Where(i => !double.IsNaN(position.XValues[i]))
            .ToArray();
        var tv = tracked.Select(i => position.T[i]).ToArray();
        var xv = tracked.Select(i => position.XValues[i]).ToArray();
        var yv = tracked.Select(i => position.YValues[i]).ToArray();
        var speeds = Speeds(tv, xv, yv, options.MaxInterpolationGapS);

        var sampleBins = new List<int>();
        var sampleTimes = new List<double>();
        for (var k = 0; k < tv.Length; k++)
        {
            var bin = grid.BinIndex(xv[k], yv[k]);
            if (bin >= 0 && Passes(speeds[k], options.MinSpeedCmPerS))
            {
                sampleBins.Add(bin);
                sampleTimes.Add(tv[k]);
            }
        }

        _sampleBins = sampleBins.ToArray();
        _sampleTimes = sampleTimes.ToArray();
        IncludedSampleCount = _sampleBins.Length;

        _spikeBins = new int[recording.Neurons.Count][];
        _spikeTimes = new double[recording.Neurons.Count][];
        for (var n = 0; n < recording.Neurons.Count; n++)
        {
            (_spikeBins[n], _spikeTimes[n]) = AssignSpikes(recording.Neurons[n].Spikes, tv, xv, yv, speeds);
        }
    }

    internal SpatialGrid Grid { get; }

    internal RateMapOptions Options { get; }

    /// <summary>Occupancy of one sample in s (the median sampling interval).</summary>
    internal double DwellS { get; }

    internal int TotalSampleCount { get; }

    internal int IncludedSampleCount { get; }

    internal int NeuronCount => _spikeBins.Length;

    internal int SpikesInGaps { get; private set; }

    internal int SpikesOutsideGrid { get; private set; }

    internal int SpikesBelowSpeed { get; private set; }

    /// <summary>
    /// Seconds spent in each bin, counting samples whose time passes <paramref name="include"/> (all when
    /// null).
    /// </summary>
    internal double[] Occupancy(Func<double, bool>? include = null)
    {
        var occupancy = new double[Grid.BinCount];
        var counts = new int[Grid.BinCount];
        for (var i = 0; i < _sampleBins.Length; i++)
        {
            if (include is null || include(_sampleTimes[i]))
            {
                counts[_sampleBins[i]]++;
            }
        }

        for (var bin = 0; bin < counts.Length; bin++)
        {
            occupancy[bin] = counts[bin] * DwellS;
        }

        return occupancy;
    }

    /// <summary>
    /// Spike counts per bin of one neuron, counting spikes whose time passes <paramref name="include"/>.
    /// </summary>
    internal double[] SpikeCounts(int neuron, Func<double, bool>? include = null)
    {
        var counts = new double[Grid.BinCount];
        var bins = _spikeBins[neuron];
        var times = _spikeTimes[neuron];
        for (var i = 0; i < bins.Length; i++)
        {
            if (include is null || include(times[i]))
            {
                counts[bins[i]]++;
            }
        }

        return counts;
    }

    /// <summary>
    /// Rate maps (bins × neurons) in Hz over the samples and spikes that pass <paramref name="include"/>.
    /// </summary>
    internal double[,] RateMaps(Func<double, bool>? include = null)
    {
        var occupancy = Occupancy(include);
        var rates = new double[Grid.BinCount, NeuronCount];
        var smoother = Options.SmoothingSigmaBins > 0 ? GridSmoothing.Gaussian(Options.SmoothingSigmaBins) : null;
        var smoothedOccupancy = smoother is null ? occupancy : GridSmoothing.Apply(occupancy, Grid, smoother);
        for (var n = 0; n < NeuronCount; n++)
        {
            var counts = SpikeCounts(n, include);
            var column = GridSmoothing.Rates(smoother is null ? counts : GridSmoothing.Apply(counts, Grid, smoother),
                                             smoothedOccupancy, occupancy);
            for (var bin = 0; bin < column.Length; bin++)
            {
                rates[bin, n] = column[bin];
            }
        }

        return rates;
    }

    private (int[] Bins, double[] Times) AssignSpikes(double[] spikes, double[] tv, double[] xv, double[] yv,
        double[] speeds)
    {
        var bins = new List<int>(spikes.Length);
        var times = new List<double>(spikes.Length);
        foreach (var s in spikes)
        {
            if (tv.Length == 0 || s < tv[0] || s > tv[^1])
            {
                SpikesInGaps++;
                continue;
            }

            var k = Array.BinarySearch(tv, s);
            double x, y, speed;
            if (k >= 0)
            {
                (x, y, speed) = (xv[k], yv[k], speeds[k]);
            }
            else
            {
                k = ~k - 1;
                if (tv[k + 1] - tv[k] > Options.MaxInterpolationGapS)
                {
                    SpikesInGaps++;
                    continue;
                }

                x = Interpolate(s, tv[k], tv[k + 1], xv[k], xv[k + 1]);
                y = Interpolate(s, tv[k], tv[k + 1], yv[k], yv[k + 1]);
                speed = double.IsNaN(speeds[k]) ? speeds[k + 1]
                    : double.IsNaN(speeds[k + 1]) ? speeds[k]
                    : Interpolate(s, tv[k], tv[k + 1], speeds[k], speeds[k + 1]);
            }

            if (!Passes(speed, Options.MinSpeedCmPerS))
            {
                SpikesBelowSpeed++;
                continue;
            }

            var bin = Grid.BinIndex(x, y);
            if (bin < 0)
            {
                SpikesOutsideGrid++;
                continue;
            }

            bins.Add(bin);
            times.Add(s);
        }

        return (bins.ToArray(), times.ToArray());
    }

    // Same arithmetic as NumPy's interp: slope · (s − t0) + v0, so golden values match to the last bit.
    private static double Interpolate(double s, double t0, double t1, double v0, double v1) =>
        (v1 - v0) / (t1 - t0) * (s - t0) + v0;

    /// <summary>The fastest running speed (cm/s) among the tracked samples, estimated as the speed filter
    /// estimates it; NaN when no sample has a speed.</summary>
    internal static double FastestSpeed(Recording recording, RateMapOptions options)
    {
        var position = recording.RequirePosition("running speed");
        var tracked = Enumerable.Range(0, position.SampleCount)
            .Where(i => !double.IsNaN(position.XValues[i]))
            .ToArray();
        var speeds = Speeds(tracked.Select(i => position.T[i]).ToArray(),
            tracked.Select(i => position.XValues[i]).ToArray(), tracked.Select(i => position.YValues[i]).ToArray(),
            options.MaxInterpolationGapS);
        var finite = speeds.Where(double.IsFinite).ToArray();
        return finite.Length == 0 ? double.NaN : finite.Max();
    }

    private static bool Passes(double speed, double minSpeed) => minSpeed <= 0 || speed >= minSpeed;

    private static double[] Speeds(double[] t, double[] x, double[] y, double maxGap)
    {
        var speeds = new double[t.Length];
        for (var k = 0; k < t.Length; k++)
        {
            var previous = k > 0 && t[k] - t[k - 1] <= maxGap ? k - 1 : k;
            var next = k < t.Length - 1 && t[k + 1] - t[k] <= maxGap ? k + 1 : k;
            speeds[k] = previous == next
                ? double.NaN
                : Math.Sqrt(Square(x[next] - x[previous]) + Square(y[next] - y[previous])) / (t[next] - t[previous]);
        }

        return speeds;
    }

    private static double Square(double value) => value * value;
}
