using MathNet.Numerics.Statistics;

namespace NeuralPredictivity.Regression;

/// <summary>Median predictivity over neurons, with a bootstrap interval and the ratio-of-medians form.</summary>
/// <remarks>
/// Built by <see cref="Compute"/> from per-neuron held-out r (e.g.
/// <see cref="CrossValidationResult.MeanPearson"/>) and, optionally, per-neuron reliability ρ.
/// A neuron is included when its r is a number and, with reliabilities given, its ρ is a usable
/// ceiling (<see cref="NormalisedPredictivity.HasCeiling"/>); the others are counted, never
/// silently dropped nor counted as zero. <see cref="Median"/> is the median over included neurons
/// of the per-neuron normalised value (r/√ρ or r²/ρ; without reliabilities, r or r²).
/// <see cref="RatioOfMedians"/> is the Brain-Score form, median(raw) / median(ceiling) on the same
/// scale (median r / median √ρ, or median r² / median ρ), over the same neurons: a different
/// statistic from the median of ratios, reported beside it with its own label. The interval
/// resamples included neurons with replacement (<see cref="BootstrapCount"/> draws, seeded) and
/// takes percentiles of the resampled medians (linear interpolation, NumPy's default).
/// </remarks>
/// <param name="Scale">Correlation (r) or explained-variance (r²) scale.</param>
/// <param name="IsNormalised">True when reliabilities were given and values are divided by ceilings.</param>
/// <param name="NeuronCount">All neurons passed in.</param>
/// <param name="IncludedCount">Neurons with a defined score (and ceiling, when normalised).</param>
/// <param name="ExcludedWithoutCeiling">Neurons left out because ρ was NaN, ≤ 0 or infinite.</param>
/// <param name="ExcludedUndefinedScore">Neurons with a ceiling but NaN r (constant response or prediction).</param>
/// <param name="Median">Median over included neurons of the per-neuron (normalised) value.</param>
/// <param name="ConfidenceLower">Lower end of the bootstrap interval of <see cref="Median"/>.</param>
/// <param name="ConfidenceUpper">Upper end of the bootstrap interval of <see cref="Median"/>.</param>
/// <param name="ConfidenceLevel">Coverage of the interval, e.g. 0.95.</param>
/// <param name="BootstrapCount">Number of bootstrap resamples.</param>
/// <param name="Seed">Seed of the bootstrap.</param>
/// <param name="MedianRaw">Median over included neurons of r (or r²), unnormalised.</param>
/// <param name="MedianCeiling">Median over included neurons of √ρ (or ρ); NaN when not normalised.</param>
/// <param name="RatioOfMedians"><see cref="MedianRaw"/> / <see cref="MedianCeiling"/>; NaN when not normalised.</param>
public sealed record PredictivitySummary(
    PredictivityScale Scale,
    bool IsNormalised,
    int NeuronCount,
    int IncludedCount,
    int ExcludedWithoutCeiling,
    int ExcludedUndefinedScore,
    double Median,
    double ConfidenceLower,
    double ConfidenceUpper,
    double ConfidenceLevel,
    int BootstrapCount,
    int Seed,
    double MedianRaw,
    double MedianCeiling,
    double RatioOfMedians)
{
    /// <summary>Summarises per-neuron r, normalised by per-neuron ρ when given.</summary>
    /// <param name="r">Per-neuron held-out Pearson r (NaN when undefined).</param>
    /// <param name="reliability">Per-neuron ρ, same length, or null for unnormalised r.</param>
    /// <param name="scale">Correlation or explained-variance scale.</param>
    /// <param name="bootstrapCount">Bootstrap resamples, at least 100.</param>
    /// <param name="seed">Seed of the bootstrap.</param>
    /// <param name="confidenceLevel">Interval coverage in (0, 1).</param>
    public static PredictivitySummary Compute(
        IReadOnlyList<double> r,
        IReadOnlyList<double>? reliability,
        PredictivityScale scale,
        int bootstrapCount = 10_000,
        int seed = 0,
        double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (reliability is not null && reliability.Count != r.Count)
        {
            throw new ArgumentException(
                $"r has {r.Count} neurons but reliability has {reliability.Count}.", nameof(reliability));
        }

        if (bootstrapCount < 100)
        {
            throw new ArgumentOutOfRangeException(
                nameof(bootstrapCount), bootstrapCount, "Use at least 100 bootstrap resamples for a 95 % interval.");
        }

        if (!(confidenceLevel > 0 && confidenceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidenceLevel), confidenceLevel, "Must lie in (0, 1).");
        }

        var (values, raws, ceilings) = (new List<double>(), new List<double>(), new List<double>());
        int withoutCeiling = 0, undefinedScore = 0;
        for (var j = 0; j < r.Count; j++)
        {
            if (reliability is not null && !NormalisedPredictivity.HasCeiling(reliability[j]))
            {
                withoutCeiling++;
                continue;
            }

            if (double.IsNaN(r[j]))
            {
                undefinedScore++;
                continue;
            }

            var raw = scale == PredictivityScale.Correlation ? r[j] : r[j] * r[j];
            raws.Add(raw);
            if (reliability is null)
            {
                values.Add(raw);
                continue;
            }

            var ceiling = scale == PredictivityScale.Correlation ? Math.Sqrt(reliability[j]) : reliability[j];
            ceilings.Add(ceiling);
            values.Add(raw / ceiling);
        }

        var (lower, upper) = BootstrapInterval(values, bootstrapCount, seed, confidenceLevel);
        var medianRaw = MedianOf(raws);
        var medianCeiling = reliability is null ? double.NaN : MedianOf(ceilings);
        return new PredictivitySummary(
            scale, reliability is not null, r.Count, values.Count, withoutCeiling, undefinedScore,
            MedianOf(values), lower, upper, confidenceLevel, bootstrapCount, seed,
            medianRaw, medianCeiling, reliability is null ? double.NaN : medianRaw / medianCeiling);
    }

    /// <summary>Median of a list (mean of the two middle values for an even count); NaN when empty.</summary>
    internal static double MedianOf(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        return SortedArrayStatistics.Median(sorted);
    }

    private static (double Lower, double Upper) BootstrapInterval(
        List<double> values, int bootstrapCount, int seed, double confidenceLevel)
    {
        if (values.Count == 0)
        {
            return (double.NaN, double.NaN);
        }

        var random = new SeededRandom(seed);
        var medians = new double[bootstrapCount];
        var sample = new double[values.Count];
        for (var b = 0; b < bootstrapCount; b++)
        {
            for (var i = 0; i < sample.Length; i++)
            {
                sample[i] = values[random.NextInt(values.Count)];
            }

            Array.Sort(sample);
            medians[b] = SortedArrayStatistics.Median(sample);
        }

        Array.Sort(medians);
        var tail = (1 - confidenceLevel) / 2;
        return (
            SortedArrayStatistics.QuantileCustom(medians, tail, QuantileDefinition.R7),
            SortedArrayStatistics.QuantileCustom(medians, 1 - tail, QuantileDefinition.R7));
    }
}
