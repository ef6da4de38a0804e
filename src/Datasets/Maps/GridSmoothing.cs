namespace NeuralPredictivity.Datasets;

/// <summary>Smoothing of spike-count and occupancy maps, and their ratio, the rate.</summary>
/// <remarks>
/// ../shared/DESIGN.md ("Rate map"): smoothing is applied to spike counts and to occupancy
/// separately, then divided: rate(b) = Σ w·counts / Σ w·occupancy over the kernel around b. An
/// unvisited bin adds 0 to both sums, so NaN never spreads into visited bins, a visited bin's rate
/// stays finite (its own occupancy is in the denominator), and an unvisited bin stays NaN: the map
/// is never extrapolated into space the animal did not visit. Bins beyond the grid edge do not
/// exist (no padding). This is the "ratio of smoothed maps" definition; the alternative, a
/// NaN-aware mean of neighbouring rates, weights sparsely visited bins as much as well-sampled
/// ones and gives different numbers (case 15 of the shared failure cases shows both).
/// </remarks>
internal static class GridSmoothing
{
    /// <summary>A Gaussian kernel of standard deviation σ bins, truncated at ⌈3σ⌉ bins.</summary>
    internal static double[,] Gaussian(double sigmaBins)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sigmaBins);
        var radius = (int)Math.Ceiling(3 * sigmaBins);
        var kernel = new double[2 * radius + 1, 2 * radius + 1];
        for (var dy = -radius; dy <= radius; dy++)
        {
            for (var dx = -radius; dx <= radius; dx++)
            {
                kernel[dy + radius, dx + radius] = Math.Exp(-(dx * dx + dy * dy) / (2 * sigmaBins * sigmaBins));
            }
        }

        return kernel;
    }

    /// <summary>
    /// Weighted sum over the kernel around every bin; <paramref name="kernel"/> is (rows × columns),
    /// odd-sized.
    /// </summary>
    internal static double[] Apply(double[] map, SpatialGrid grid, double[,] kernel) =>
        Apply(map, grid.RowCount, grid.ColumnCount, kernel);

    internal static double[] Apply(double[] map, int rowCount, int columnCount, double[,] kernel)
    {
        var (kernelRows, kernelColumns) = (kernel.GetLength(0), kernel.GetLength(1));
        if (kernelRows % 2 == 0 || kernelColumns % 2 == 0)
        {
            throw new ArgumentException(
                $"A smoothing kernel needs odd sides, got {kernelRows} × {kernelColumns}.", nameof(kernel));
        }

        var (ry, rx) = (kernelRows / 2, kernelColumns / 2);
        var smoothed = new double[map.Length];
        for (var row = 0; row < rowCount; row++)
        {
            for (var column = 0; column < columnCount; column++)
            {
                var sum = 0.0;
                for (var dy = -ry; dy <= ry; dy++)
                {
                    var r = row + dy;
                    if (r < 0 || r >= rowCount)
                    {
                        continue;
                    }

                    for (var dx = -rx; dx <= rx; dx++)
                    {
                        var c = column + dx;
                        if (c >= 0 && c < columnCount)
                        {
                            sum += kernel[dy + ry, dx + rx] * map[r * columnCount + c];
                        }
                    }
                }

                smoothed[row * columnCount + column] = sum;
            }
        }

        return smoothed;
    }

    /// <summary>Rate = counts / occupancy where the (unsmoothed) occupancy is positive, NaN elsewhere.</summary>
    internal static double[] Rates(double[] counts, double[] occupancy, double[] visitedOccupancy)
    {
        var rates = new double[counts.Length];
        for (var bin = 0; bin < rates.Length; bin++)
        {
            rates[bin] = visitedOccupancy[bin] > 0 ? counts[bin] / occupancy[bin] : double.NaN;
        }

        return rates;
    }
}
