using PureHDF;

namespace NeuralPredictivity.Models.Tests;

/// <summary>
/// Rate maps of the Hafting et al. (2005) grid cells, computed exactly as
/// tests/golden/gridscores/generate.py does (data: Kavli grid-cell data site).
/// </summary>
/// <remarks>
/// 36 × 36 bins of 5 cm centred on (0, 0); occupancy = tracked samples × median dt; spike positions
/// linearly interpolated from the tracked samples; spike counts and occupancy each smoothed by a
/// Gaussian of σ bins (zero outside the grid, kernel truncated at ⌊4σ + 0.5⌋ bins and normalised,
/// as scipy.ndimage.gaussian_filter), then divided; bins never visited stay NaN. This is a test
/// fixture that mirrors the golden generator, not the toolkit's rate-map code.
/// </remarks>
internal static class HaftingRateMaps
{
    internal const int Bins = 36;
    private const double BinCm = 5;

    internal static (string[] Ids, double[][] Maps) Load(string path, double sigmaBins)
    {
        using var file = H5File.OpenRead(path);
        var t = file.Dataset("/position/t").Read<double[]>();
        var x = file.Dataset("/position/x").Read<double[]>();
        var y = file.Dataset("/position/y").Read<double[]>();
        var ids = file.Dataset("/units/ids").Read<string[]>().Select(s => s.TrimEnd('\0')).ToArray();
        var tracked = Enumerable.Range(0, t.Length)
            .Where(i => double.IsFinite(x[i]) && double.IsFinite(y[i]))
            .ToArray();
        (t, x, y) = (
            tracked.Select(i => t[i]).ToArray(),
            tracked.Select(i => x[i]).ToArray(),
            tracked.Select(i => y[i]).ToArray());

        var dt = Median(t.Zip(t.Skip(1), (a, b) => b - a).ToArray());
        var occupancy = new double[Bins * Bins];
        for (var i = 0; i < t.Length; i++)
        {
            var bin = BinOf(x[i], y[i]);
            if (bin >= 0)
            {
                occupancy[bin] += dt;
            }
        }

        var smoothOccupancy = Smooth(occupancy, sigmaBins);
        var maps = ids.Select(id =>
        {
            var spikes = file.Dataset($"/units/{id}/spike_times").Read<double[]>();
            var counts = new double[Bins * Bins];
            foreach (var s in spikes.Where(s => s >= t[0] && s <= t[^1]))
            {
                var bin = BinOf(Interpolate(t, x, s), Interpolate(t, y, s));
                if (bin >= 0)
                {
                    counts[bin]++;
                }
            }

            var smoothCounts = Smooth(counts, sigmaBins);
            return occupancy
                .Select((o, bin) => o > 0 ? smoothCounts[bin] / smoothOccupancy[bin] : double.NaN)
                .ToArray();
        }).ToArray();
        return (ids, maps);
    }

    private static int BinOf(double x, double y)
    {
        var edge0 = -Bins * BinCm / 2;
        if (x < edge0 || x > -edge0 || y < edge0 || y > -edge0)
        {
            return -1;
        }

        var column = Math.Min(Bins - 1, (int)Math.Floor((x - edge0) / BinCm));
        var row = Math.Min(Bins - 1, (int)Math.Floor((y - edge0) / BinCm));
        return row * Bins + column;
    }

    private static double Interpolate(double[] t, double[] v, double at)
    {
        var j = Array.BinarySearch(t, at);
        if (j >= 0)
        {
            return v[j];
        }

        j = ~j;
        var (a, b) = (j - 1, j);
        return v[a] + (at - t[a]) / (t[b] - t[a]) * (v[b] - v[a]);
    }

    private static double[] Smooth(double[] values, double sigma)
    {
        if (sigma == 0)
        {
            return values;
        }

        var radius = (int)(4 * sigma + 0.5);
        var kernel = Enumerable.Range(-radius, 2 * radius + 1)
            .Select(k => Math.Exp(-0.5 * k * k / (sigma * sigma)))
            .ToArray();
        var sum = kernel.Sum();
        kernel = kernel.Select(k => k / sum).ToArray();

        var rows = new double[values.Length];
        var result = new double[values.Length];
        for (var r = 0; r < Bins; r++)
        {
            for (var c = 0; c < Bins; c++)
            {
                for (var k = -radius; k <= radius; k++)
                {
                    if (c + k >= 0 && c + k < Bins)
                    {
                        rows[r * Bins + c] += kernel[k + radius] * values[r * Bins + c + k];
                    }
                }
            }
        }

        for (var r = 0; r < Bins; r++)
        {
            for (var c = 0; c < Bins; c++)
            {
                for (var k = -radius; k <= radius; k++)
                {
                    if (r + k >= 0 && r + k < Bins)
                    {
                        result[r * Bins + c] += kernel[k + radius] * rows[(r + k) * Bins + c];
                    }
                }
            }
        }

        return result;
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
