namespace NeuralPredictivity.Models;

/// <summary>Resamples a tracked trajectory at a fixed time step, split at long tracking gaps.</summary>
internal static class TrackedTrajectory
{
    /// <summary>Segments of positions (cm) at times t₀ + k·dt, each starting at a tracked sample.</summary>
    /// <remarks>
    /// Only samples with finite x and y count as tracked. Consecutive tracked samples more than
    /// <paramref name="maxGap"/> seconds apart end one segment and start the next; inside a segment,
    /// positions are linearly interpolated between the tracked samples around each resampled time.
    /// Segments with fewer than two resampled positions are dropped (they give no displacement).
    /// </remarks>
    internal static List<(double[] X, double[] Y)> Resample(
        IReadOnlyList<double> times, IReadOnlyList<double> x, IReadOnlyList<double> y, double dt, double maxGap)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != times.Count || y.Count != times.Count)
        {
            throw new ArgumentException(
                $"Tracking arrays differ in length: {times.Count} times, {x.Count} x, {y.Count} y.", nameof(times));
        }

        for (var i = 0; i < times.Count; i++)
        {
            if (!double.IsFinite(times[i]) || (i > 0 && times[i] <= times[i - 1]))
            {
                throw new ArgumentException(
                    $"Sample times must be finite and strictly increasing; sample {i} is {times[i]} s.", nameof(times));
            }
        }

        var tracked = Enumerable.Range(0, times.Count)
            .Where(i => double.IsFinite(x[i]) && double.IsFinite(y[i]))
            .ToArray();
        var segments = new List<(double[] X, double[] Y)>();
        var begin = 0;
        for (var j = 1; j <= tracked.Length; j++)
        {
            if (j == tracked.Length || times[tracked[j]] - times[tracked[j - 1]] > maxGap)
            {
                var segment = Interpolate(times, x, y, tracked[begin..j], dt);
                if (segment.X.Length >= 2)
                {
                    segments.Add(segment);
                }

                begin = j;
            }
        }

        return segments;
    }

    private static (double[] X, double[] Y) Interpolate(
        IReadOnlyList<double> times, IReadOnlyList<double> x, IReadOnlyList<double> y, int[] samples, double dt)
    {
        if (samples.Length < 2)
        {
            return ([], []);
        }

        var t0 = times[samples[0]];
        var count = (int)Math.Floor((times[samples[^1]] - t0) / dt + 1e-9) + 1;
        var (resampledX, resampledY) = (new double[count], new double[count]);
        var j = 0;
        for (var k = 0; k < count; k++)
        {
            var t = t0 + k * dt;
            while (j < samples.Length - 2 && times[samples[j + 1]] < t)
            {
                j++;
            }

            var (a, b) = (samples[j], samples[j + 1]);
            var w = Math.Clamp((t - times[a]) / (times[b] - times[a]), 0, 1);
            resampledX[k] = x[a] + w * (x[b] - x[a]);
            resampledY[k] = y[a] + w * (y[b] - y[a]);
        }

        return (resampledX, resampledY);
    }
}
