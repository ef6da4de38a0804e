using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace NeuralPredictivity.Datasets;

/// <summary>Split-half noise ceilings of a recording's neurons (../shared/DESIGN.md, "Reliability").</summary>
/// <remarks>
/// Per neuron: split the session into two halves, build each half's rate map with the same
/// options as the full map, take the Pearson r over bins finite in both, average r over draws,
/// then ρ = 2r/(1+r) (Spearman–Brown), defined only for r &gt; 0. Schemes:
/// random blocks (blocks of <see cref="ReliabilityOptions.BlockLengthS"/> from the session start,
/// the last one possibly shorter, shuffled with a seeded generator and cut into ⌊B/2⌋ and ⌈B/2⌉
/// blocks, once per draw); first against second half (split at start + duration/2); even against
/// odd blocks. A sample or spike belongs to the block holding its time. Half maps are noisier than
/// the full map, which is why the Spearman–Brown step projects r to full length.
/// </remarks>
public static class SplitHalfReliability
{
    /// <summary>Reliability of every neuron of the recording on the grid.</summary>
    /// <exception cref="InvalidOperationException">The recording has no position.</exception>
    /// <exception cref="ArgumentException">Options are invalid, or the session holds fewer than two
    /// blocks.</exception>
    public static ReliabilityResult Compute(Recording recording, SpatialGrid grid, ReliabilityOptions? options = null,
                                            RateMapOptions? rateMapOptions = null, ILogger? logger = null)
    {
        options ??= new ReliabilityOptions();
        options.Validate();
        logger ??= NullLogger.Instance;
        var binning = new SessionBinning(recording, grid, rateMapOptions ?? new RateMapOptions());
        var splits = Splits(recording, options, logger);

        var neuronCount = binning.NeuronCount;
        var sums = new double[neuronCount];
        var defined = new int[neuronCount];
        foreach (var inFirstHalf in splits)
        {
            var first = binning.RateMaps(inFirstHalf);
            var second = binning.RateMaps(t => !inFirstHalf(t));
            for (var n = 0; n < neuronCount; n++)
            {
                var r = Correlation.PearsonOverFinite(Column(first, n), Column(second, n));
                if (double.IsFinite(r))
                {
                    sums[n] += r;
                    defined[n]++;
                }
            }
        }

        var correlations = new double[neuronCount];
        var ceilings = new double[neuronCount];
        for (var n = 0; n < neuronCount; n++)
        {
            correlations[n] = defined[n] > 0 ? sums[n] / defined[n] : double.NaN;
            ceilings[n] = SpearmanBrown(correlations[n]);
        }

        var result = new ReliabilityResult(options.Scheme, recording.NeuronIds, correlations, ceilings,
            defined, splits.Count);
        Log.ReliabilityComputed(logger, recording.Name, options.Scheme.ToString(), result.DefinedCount, neuronCount,
                                result.MedianCeiling());
        return result;
    }

    /// <summary>Split-half r at or below this is treated as zero: a correlation of rounding noise has
    /// no ceiling.</summary>
    /// <remarks>The same threshold as <c>NeuralPredictivity.Regression.SpearmanBrown.ZeroTolerance</c>.</remarks>
    public const double ZeroTolerance = 1e-12;

    /// <summary>
    /// Spearman–Brown reliability of a full-length map from the split-half r: 2r/(1+r) for
    /// r &gt; <see cref="ZeroTolerance"/>, else NaN.
    /// </summary>
    /// <remarks>
    /// The formula assumes two parallel halves of positive reliability; for r ≤ 0 it gives negative
    /// or infinite "reliabilities" that would later divide scores, so those are NaN by design. An r of
    /// rounding size (an exactly uncorrelated pair computed in floating point) would give a tiny
    /// positive ceiling that blows normalised scores up, so it is NaN too.
    /// </remarks>
    public static double SpearmanBrown(double r) => r > ZeroTolerance ? 2 * r / (1 + r) : double.NaN;

    /// <summary>One membership test per draw: true when a time belongs to the first half.</summary>
    internal static List<Func<double, bool>> Splits(Recording recording, ReliabilityOptions options, ILogger logger)
    {
        var (start, duration) = (recording.StartS, recording.DurationS);
        if (options.Scheme == ReliabilityScheme.FirstSecondHalf)
        {
            var middle = start + duration / 2;
            return [t => t < middle];
        }

        var blockCount = Math.Max(1, (int)Math.Ceiling(duration / options.BlockLengthS));
        if (blockCount < 2)
        {
            throw new ArgumentException(
                $"{recording.Name} lasts {duration:0.##} s, a single {options.BlockLengthS} s block; use a shorter " +
                "--block-length or the first/second-half scheme.", nameof(options));
        }

        int Block(double t) => Math.Min(blockCount - 1, (int)Math.Floor((t - start) / options.BlockLengthS));

        if (options.Scheme == ReliabilityScheme.OddEvenMinutes)
        {
            return [t => Block(t) % 2 == 0];
        }

        var random = new Random(options.Seed);
        var splits = new List<Func<double, bool>>(options.DrawCount);
        for (var draw = 0; draw < options.DrawCount; draw++)
        {
            var order = Enumerable.Range(0, blockCount).ToArray();
            for (var i = order.Length - 1; i > 0; i--)
            {
                var j = random.Next(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }

            var inFirst = new bool[blockCount];
            foreach (var block in order.Take(blockCount / 2))
            {
                inFirst[block] = true;
            }

            Log.ReliabilityDraw(logger, draw, blockCount / 2, blockCount - blockCount / 2);
            splits.Add(t => inFirst[Block(t)]);
        }

        return splits;
    }

    internal static double[] Column(double[,] maps, int column)
    {
        var values = new double[maps.GetLength(0)];
        for (var bin = 0; bin < values.Length; bin++)
        {
            values[bin] = maps[bin, column];
        }

        return values;
    }
}
