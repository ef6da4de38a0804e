namespace NeuralPredictivity.Datasets;

/// <summary>The tracked path: time and position of each sample, NaN where tracking was lost.</summary>
/// <remarks>
/// Times in s, strictly increasing and finite; x and y in cm in the arena frame, NaN together
/// where the tracker lost the animal. Sampling need not be regular: samples are dropped in some
/// files, so durations come from <see cref="Times"/>, never from a sample count.
/// </remarks>
public sealed class PositionTrack
{
    private readonly double[] _times;
    private readonly double[] _x;
    private readonly double[] _y;

    internal PositionTrack(double[] times, double[] x, double[] y)
    {
        _times = times;
        _x = x;
        _y = y;
        MissingCount = Enumerable.Range(0, x.Length).Count(i => double.IsNaN(x[i]));
        MedianIntervalS = MedianInterval(times);
    }

    /// <summary>Sample times in s.</summary>
    public IReadOnlyList<double> Times => _times;

    /// <summary>x in cm, NaN where tracking was lost.</summary>
    public IReadOnlyList<double> X => _x;

    /// <summary>y in cm, NaN where tracking was lost.</summary>
    public IReadOnlyList<double> Y => _y;

    /// <summary>Number of samples.</summary>
    public int SampleCount => _times.Length;

    /// <summary>Number of samples where tracking was lost.</summary>
    public int MissingCount { get; }

    /// <summary>Median time between consecutive samples in s; the occupancy of one sample.</summary>
    /// <remarks>
    /// The median ignores the occasional dropped sample, which a mean would spread over every
    /// sample. NaN for a track of fewer than two samples.
    /// </remarks>
    public double MedianIntervalS { get; }

    /// <summary>First sample time in s.</summary>
    public double StartS => _times[0];

    /// <summary>Last sample time in s.</summary>
    public double EndS => _times[^1];

    internal double[] T => _times;

    internal double[] XValues => _x;

    internal double[] YValues => _y;

    private static double MedianInterval(double[] times)
    {
        if (times.Length < 2)
        {
            return double.NaN;
        }

        var intervals = new double[times.Length - 1];
        for (var i = 0; i < intervals.Length; i++)
        {
            intervals[i] = times[i + 1] - times[i];
        }

        return MathNet.Numerics.Statistics.ArrayStatistics.MedianInplace(intervals);
    }
}
