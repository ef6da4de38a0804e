namespace NeuralPredictivity.Regression;

/// <summary>Held-out predictivity divided by each neuron's noise ceiling.</summary>
/// <remarks>
/// ρ is a neuron's reliability (e.g. <see cref="SpearmanBrown.Correct(double)"/> of its split-half
/// r). A perfect model of the neuron's repeatable signal reaches r = √ρ against noisy data, so
/// r / √ρ and r² / ρ are 1 at the ceiling. Values above 1 are kept, never clipped: they mean the
/// ceiling was underestimated, and clipping would hide it. ρ that is NaN, ≤ 0 or infinite gives
/// NaN (no ceiling), as does NaN r. On the explained-variance scale the sign of r is lost
/// (r = −0.5 and r = 0.5 both give 0.25 / ρ); use the correlation scale where the sign matters.
/// </remarks>
public static class NormalisedPredictivity
{
    /// <summary>r / √ρ, or NaN when ρ is undefined.</summary>
    /// <param name="r">Held-out Pearson r of the neuron.</param>
    /// <param name="reliability">ρ of the neuron.</param>
    public static double Correlation(double r, double reliability) =>
        HasCeiling(reliability) ? r / Math.Sqrt(reliability) : double.NaN;

    /// <summary>r² / ρ, or NaN when ρ is undefined.</summary>
    /// <param name="r">Held-out Pearson r of the neuron.</param>
    /// <param name="reliability">ρ of the neuron.</param>
    public static double ExplainedVariance(double r, double reliability) =>
        HasCeiling(reliability) ? r * r / reliability : double.NaN;

    /// <summary>Per-neuron normalised values on the chosen scale.</summary>
    /// <param name="r">Per-neuron held-out r.</param>
    /// <param name="reliability">Per-neuron ρ, same length.</param>
    /// <param name="scale">Correlation or explained-variance scale.</param>
    public static double[] Normalise(
        IReadOnlyList<double> r, IReadOnlyList<double> reliability, PredictivityScale scale)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(reliability);
        if (r.Count != reliability.Count)
        {
            throw new ArgumentException(
                $"r has {r.Count} neurons but reliability has {reliability.Count}.", nameof(reliability));
        }

        return r.Select((value, j) => scale == PredictivityScale.Correlation
                ? Correlation(value, reliability[j])
                : ExplainedVariance(value, reliability[j]))
            .ToArray();
    }

    /// <summary>True when ρ can serve as a ceiling: finite and positive.</summary>
    /// <param name="reliability">ρ of a neuron.</param>
    public static bool HasCeiling(double reliability) => reliability > 0 && !double.IsInfinity(reliability);
}
