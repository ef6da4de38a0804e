using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Baselines;

/// <summary>The spatially shuffled control: one random permutation of the defined bins for all columns.</summary>
/// <remarks>
/// Only bins finite in every column are permuted among themselves; the others keep their place, so
/// the NaN pattern is unchanged. Because the same permutation moves every column, the covariance over
/// bins, its spectrum and the participation ratio are exactly those of the input, while any relation
/// between neighbouring bins, and so any spatial tuning, is destroyed. Regressed onto a neuron's rate
/// map it should predict nothing (held-out r near 0): the null of the benchmark. Fisher–Yates with
/// the toolkit's SplitMix64 stream for <c>seed</c>; the same seed gives the same permutation.
/// </remarks>
public static class SpatialShuffle
{
    /// <summary>A copy of <paramref name="maps"/> with its defined bins permuted (bins × columns kept).</summary>
    public static SpatialMaps Permute(SpatialMaps maps, int seed)
    {
        ArgumentNullException.ThrowIfNull(maps);
        var permutation = Permutation(maps.FiniteBins(), seed);

        var source = maps.Values;
        var shuffled = new double[maps.BinCount, maps.ColumnCount];
        for (var bin = 0; bin < maps.BinCount; bin++)
        {
            var from = permutation[bin];
            for (var column = 0; column < maps.ColumnCount; column++)
            {
                shuffled[bin, column] = source[from, column];
            }
        }

        return new SpatialMaps(maps.Grid, shuffled, maps.ColumnIds);
    }

    /// <summary>
    /// For each bin, the bin its values come from: a uniform random permutation of the bins where
    /// <paramref name="defined"/> is true, and the identity elsewhere.
    /// </summary>
    public static int[] Permutation(IReadOnlyList<bool> defined, int seed)
    {
        ArgumentNullException.ThrowIfNull(defined);
        var definedBins = Enumerable.Range(0, defined.Count).Where(b => defined[b]).ToArray();
        var sources = (int[])definedBins.Clone();
        var random = SeededRandom.ForFeature(seed, "spatial-shuffle", 0);
        for (var i = sources.Length - 1; i > 0; i--)
        {
            var k = random.NextInt(i + 1);
            (sources[i], sources[k]) = (sources[k], sources[i]);
        }

        var permutation = Enumerable.Range(0, defined.Count).ToArray();
        for (var i = 0; i < definedBins.Length; i++)
        {
            permutation[definedBins[i]] = sources[i];
        }

        return permutation;
    }
}
