using NeuralPredictivity.Datasets;
using PureHDF;

namespace NeuralPredictivity.Baselines.Tests;

/// <summary>
/// Rate maps of the real BEN units (Stensola et al. 2012; Kavli grid-cell data,
/// https://www.ntnu.edu/kavli/research/grid-cell-data), computed the way DESIGN.md defines them.
/// </summary>
/// <remarks>
/// Spike count / occupancy seconds per bin over position samples moving at ≥ 2.5 cm/s, no smoothing,
/// NaN where unvisited. Sample i covers [tᵢ, tᵢ₊₁) and moves at
/// ‖pᵢ₊₁ − pᵢ‖ / (tᵢ₊₁ − tᵢ); a spike takes the sample it falls in. A tiny stand-in for the
/// Datasets project's rate maps, enough for the shuffled-control check.
/// </remarks>
internal static class RealRateMaps
{
    private const double MinimumSpeed = 2.5;

    /// <summary>(bins × neurons) rate maps (Hz) and the unit ids, in the file's canonical order.</summary>
    internal static SpatialMaps Stensola(SpatialGrid grid)
    {
        using var file = H5File.OpenRead(TestGrids.BundledRecording("stensola2012_ben"));
        var t = file.Dataset("/position/t").Read<double[]>();
        var x = file.Dataset("/position/x").Read<double[]>();
        var y = file.Dataset("/position/y").Read<double[]>();
        var ids = file.Dataset("/units/ids").Read<string[]>().Select(s => s.TrimEnd('\0', ' ')).ToArray();

        var sampleBin = new int[t.Length];
        var occupancy = new double[grid.BinCount];
        for (var i = 0; i < t.Length; i++)
        {
            sampleBin[i] = -1;
            if (i + 1 < t.Length && double.IsFinite(x[i]) && double.IsFinite(x[i + 1]))
            {
                var dt = t[i + 1] - t[i];
                var speed = Math.Sqrt(Math.Pow(x[i + 1] - x[i], 2) + Math.Pow(y[i + 1] - y[i], 2)) / dt;
                var bin = grid.BinIndex(x[i], y[i]);
                if (speed >= MinimumSpeed && bin >= 0)
                {
                    sampleBin[i] = bin;
                    occupancy[bin] += dt;
                }
            }
        }

        var rates = new double[grid.BinCount, ids.Length];
        for (var unit = 0; unit < ids.Length; unit++)
        {
            var counts = new double[grid.BinCount];
            foreach (var spike in file.Dataset($"/units/{ids[unit]}/spike_times").Read<double[]>())
            {
                var i = Array.BinarySearch(t, spike);
                i = i >= 0 ? i : ~i - 1;
                if (i >= 0 && i + 1 < t.Length && sampleBin[i] >= 0)
                {
                    counts[sampleBin[i]]++;
                }
            }

            for (var bin = 0; bin < grid.BinCount; bin++)
            {
                rates[bin, unit] = occupancy[bin] > 0 ? counts[bin] / occupancy[bin] : double.NaN;
            }
        }

        return new SpatialMaps(grid, rates, ids);
    }
}
