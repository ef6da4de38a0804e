using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Cli.Commands;

/// <summary>Rate maps of a session's units for grid-score display (bins × neurons, Hz, NaN where unvisited).</summary>
/// <remarks>
/// Occupancy is the median sample interval per tracked sample in a bin; spike positions are
/// linearly interpolated from the tracked samples. With σ &gt; 0, spike counts and occupancy are each
/// smoothed by a Gaussian of σ bins (zero outside the grid, truncated at 4σ) and then divided, so an
/// unvisited bin stays NaN (../shared/DESIGN.md, "Rate map"). No speed threshold is applied.
/// </remarks>
internal static class SessionRateMaps
{
    internal static SpatialMaps Compute(MecSessionFile session, SpatialGrid grid, double sigmaBins)
    {
        var tracked = Enumerable.Range(0, session.T.Length)
            .Where(i => double.IsFinite(session.X[i]) && double.IsFinite(session.Y[i])).ToArray();
        var t = tracked.Select(i => session.T[i]).ToArray();
        var x = tracked.Select(i => session.X[i]).ToArray();
        var y = tracked.Select(i => session.Y[i]).ToArray();
        var intervals = t.Zip(t.Skip(1), (a, b) => b - a).Order().ToArray();
        var dt = intervals[intervals.Length / 2];

        var occupancy = new double[grid.BinCount];
        for (var i = 0; i < t.Length; i++)
        {
            var bin = grid.BinIndex(x[i], y[i]);
            if (bin >= 0)
            {
                occupancy[bin] += dt;
            }
        }

        var smoothOccupancy = Smooth(occupancy, grid, sigmaBins);
        var values = new double[grid.BinCount, session.UnitIds.Length];
        for (var unit = 0; unit < session.UnitIds.Length; unit++)
        {
            var counts = new double[grid.BinCount];
            foreach (var s in session.SpikeTimes[unit].Where(s => s >= t[0] && s <= t[^1]))
            {
                var bin = grid.BinIndex(Interpolate(t, x, s), Interpolate(t, y, s));
                if (bin >= 0)
                {
                    counts[bin]++;
                }
            }

            var smoothCounts = Smooth(counts, grid, sigmaBins);
            for (var bin = 0; bin < grid.BinCount; bin++)
            {
                values[bin, unit] = occupancy[bin] > 0 ? smoothCounts[bin] / smoothOccupancy[bin] : double.NaN;
            }
        }

        return new SpatialMaps(grid, values, session.UnitIds);
    }

    private static double Interpolate(double[] t, double[] v, double at)
    {
        var j = Array.BinarySearch(t, at);
        if (j >= 0)
        {
            return v[j];
        }

        j = ~j;
        return v[j - 1] + (at - t[j - 1]) / (t[j] - t[j - 1]) * (v[j] - v[j - 1]);
    }

    private static double[] Smooth(double[] values, SpatialGrid grid, double sigma)
    {
        if (sigma <= 0)
        {
            return values;
        }

        var radius = (int)(4 * sigma + 0.5);
        var kernel = Enumerable.Range(-radius, 2 * radius + 1).Select(k => Math.Exp(-0.5 * k * k / (sigma * sigma))).ToArray();
        var total = kernel.Sum();
        var (columns, rows) = (grid.ColumnCount, grid.RowCount);
        var along = new double[values.Length];
        var result = new double[values.Length];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                for (var k = -radius; k <= radius; k++)
                {
                    if (c + k >= 0 && c + k < columns)
                    {
                        along[r * columns + c] += kernel[k + radius] / total * values[r * columns + c + k];
                    }
                }
            }
        }

        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                for (var k = -radius; k <= radius; k++)
                {
                    if (r + k >= 0 && r + k < rows)
                    {
                        result[r * columns + c] += kernel[k + radius] / total * along[(r + k) * columns + c];
                    }
                }
            }
        }

        return result;
    }
}
