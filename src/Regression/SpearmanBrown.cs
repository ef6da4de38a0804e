namespace NeuralPredictivity.Regression;

/// <summary>Spearman–Brown step-up of a split-half correlation to a full-data reliability ρ.</summary>
/// <remarks>
/// ρ = 2r / (1 + r), the reliability of the whole session from the correlation r between its two
/// halves (Spearman 1910; Brown 1910). The formula assumes parallel halves with positive
/// reliability: for r ≤ 0 it gives 0, a negative value, or −∞ at r = −1, none of which is a
/// reliability, and any of them used as a divisor ruins a normalised score. So ρ is defined only
/// for r &gt; <see cref="ZeroTolerance"/>; otherwise, and for NaN r (a constant half), it is NaN,
/// meaning "no ceiling". The tolerance treats a split-half r of rounding size as zero: a ceiling
/// near 1e-16 would inflate a normalised score by 1e8.
/// </remarks>
public static class SpearmanBrown
{
    /// <summary>Split-half correlations at or below this are treated as zero (no ceiling).</summary>
    public const double ZeroTolerance = 1e-12;

    /// <summary>Reliability ρ = 2r/(1 + r) for r &gt; <see cref="ZeroTolerance"/>, else NaN.</summary>
    /// <param name="splitHalfR">Pearson r between the two half-session maps of one neuron.</param>
    public static double Correct(double splitHalfR) =>
        splitHalfR > ZeroTolerance && !double.IsInfinity(splitHalfR)
            ? 2 * splitHalfR / (1 + splitHalfR)
            : double.NaN;

    /// <summary>ρ for each neuron's split-half r.</summary>
    /// <param name="splitHalfR">Per-neuron split-half r.</param>
    public static double[] Correct(IReadOnlyList<double> splitHalfR)
    {
        ArgumentNullException.ThrowIfNull(splitHalfR);
        return splitHalfR.Select(Correct).ToArray();
    }
}
