using MathNet.Numerics.Random;
using MathNet.Numerics.Statistics;

namespace NeuralPredictivity.Benchmark;

/// <summary>Compares the trained family of a sweep with every other family at equal dimension, neuron by
/// neuron, with paired bootstrap intervals.</summary>
/// <remarks>
/// <para>For each other family, d and seed where both units finished: the neurons included in both units
/// (defined ceiling and score in each, read from each unit's <c>neurons.csv</c>) are paired by id; the
/// statistic is Δ = median r_norm(trained) − median r_norm(other) over them, with r_norm = r / √ρ. Both
/// units see the same recording and the same ceilings, so pairing removes the neuron-to-neuron spread that
/// dominates either median alone.</para>
/// <para>Interval: <c>bootstrapSamples</c> resamples of the paired neurons with replacement (the same
/// neurons for both medians), seeded; the 2.5 and 97.5 percentiles of the resampled Δ, interpolated
/// linearly (NumPy's default, as for the run summaries). An interval that excludes 0 says the difference
/// is larger than neuron sampling explains; it does not cover seed-to-seed variation of the features,
/// which the rows of different seeds show.</para>
/// <para>"Equal dimension" means what the sweep's <see cref="SweepPlan.Match"/> says: with
/// <see cref="DimensionMatch.ParticipationRatio"/> the other family's participation ratio was tuned to the
/// trained model's at that d; with <see cref="DimensionMatch.Nominal"/> only d is shared. Both ratios are
/// reported so the match can be checked. Networks (untrained, shuffled) are compared like baselines.</para>
/// </remarks>
public static class DimensionMatchedComparisons
{
    /// <summary>One row per (other family, d, seed) with both units finished, in plan order.</summary>
    /// <param name="sweepFolder">A sweep folder (<c>sweep.json</c> and <c>units/</c>).</param>
    /// <param name="bootstrapSamples">Resamples for the interval, ≥ 100.</param>
    /// <param name="seed">Seed of the resampling.</param>
    /// <exception cref="FileNotFoundException">The folder has no <c>sweep.json</c>.</exception>
    /// <exception cref="ArgumentException">The plan has no trained family to compare against.</exception>
    public static IReadOnlyList<DimensionMatchedComparison> Compute(string sweepFolder, int bootstrapSamples = 1000,
        int seed = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sweepFolder);
        ArgumentOutOfRangeException.ThrowIfLessThan(bootstrapSamples, 100);
        ArgumentOutOfRangeException.ThrowIfNegative(seed);
        var folder = new SweepFolder(sweepFolder);
        var plan = folder.ReadPlan();
        var reference = plan.ReferenceFamily;
        if (!plan.Families.Contains(reference))
        {
            throw new ArgumentException(
                $"{folder.PlanPath}: the sweep's families ({string.Join(", ", plan.Families)}) include no trained " +
                "family to compare against; add 'trained' to --families.", nameof(sweepFolder));
        }

        var rows = new List<DimensionMatchedComparison>();
        foreach (var family in plan.Families.Where(f => f != reference))
        {
            foreach (var d in plan.Dimensions.Order())
            {
                foreach (var unitSeed in plan.Seeds)
                {
                    var trained = new SweepUnit(reference, d, unitSeed);
                    var other = new SweepUnit(family, d, unitSeed);
                    if (folder.IsFinished(trained) && folder.IsFinished(other))
                    {
                        rows.Add(Compare(folder, plan.Match, trained, other, bootstrapSamples, seed));
                    }
                }
            }
        }

        return rows;
    }

    /// <summary>Median difference over paired values and its percentile bootstrap interval.</summary>
    /// <remarks>Index i of both lists is the same neuron; resampling draws indexes, so pairs stay
    /// together. Mersenne Twister from MathNet gives the same draws on every platform and .NET release.</remarks>
    internal static (double Difference, double Low, double High) PairedMedianDifference(
        IReadOnlyList<double> first, IReadOnlyList<double> second, int bootstrapSamples, int seed)
    {
        if (first.Count != second.Count)
        {
            throw new ArgumentException($"Paired lists differ in length: {first.Count} and {second.Count}.",
                nameof(second));
        }

        if (first.Count == 0)
        {
            return (double.NaN, double.NaN, double.NaN);
        }

        var difference = Median(first) - Median(second);
        var random = new MersenneTwister(seed);
        var draws = new double[bootstrapSamples];
        var a = new double[first.Count];
        var b = new double[first.Count];
        for (var s = 0; s < bootstrapSamples; s++)
        {
            for (var i = 0; i < a.Length; i++)
            {
                var pick = random.Next(first.Count);
                a[i] = first[pick];
                b[i] = second[pick];
            }

            draws[s] = Median(a) - Median(b);
        }

        Array.Sort(draws);
        return (difference,
            SortedArrayStatistics.QuantileCustom(draws, 0.025, QuantileDefinition.R7),
            SortedArrayStatistics.QuantileCustom(draws, 0.975, QuantileDefinition.R7));
    }

    private static DimensionMatchedComparison Compare(SweepFolder folder, DimensionMatch match, SweepUnit trained,
        SweepUnit other, int bootstrapSamples, int seed)
    {
        var trainedScores = IncludedRNorm(folder, trained);
        var otherScores = IncludedRNorm(folder, other);
        var common = trainedScores.Keys.Where(otherScores.ContainsKey).Order(StringComparer.Ordinal).ToList();
        var x = common.Select(id => trainedScores[id]).ToArray();
        var y = common.Select(id => otherScores[id]).ToArray();
        var (difference, low, high) = PairedMedianDifference(x, y, bootstrapSamples, seed);
        return new DimensionMatchedComparison(other.Family, trained.Dimension, trained.Seed, match,
            ParticipationRatio(folder, trained), ParticipationRatio(folder, other), common.Count,
            common.Count > 0 ? Median(x) : double.NaN, common.Count > 0 ? Median(y) : double.NaN,
            difference, low, high);
    }

    private static Dictionary<string, double> IncludedRNorm(SweepFolder folder, SweepUnit unit)
    {
        var path = Path.Combine(folder.UnitPath(unit), ResultsWriter.NeuronsFile);
        return CsvFiles.Read<NeuronFoldRow>(path)
            .Where(r => r.Included && double.IsFinite(r.RNorm))
            .GroupBy(r => r.NeuronId)
            .ToDictionary(g => g.Key, g => g.First().RNorm);
    }

    private static double ParticipationRatio(SweepFolder folder, SweepUnit unit)
    {
        var path = Path.Combine(folder.UnitPath(unit), ResultsWriter.SummaryCsvFile);
        var rows = CsvFiles.Read<SummaryRow>(path);
        return rows.Count == 1
            ? rows[0].ParticipationRatio
            : throw new InvalidDataException($"{path}: expected exactly one summary row, found {rows.Count}.");
    }

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return SortedArrayStatistics.Median(sorted);
    }
}
