namespace NeuralPredictivity.Models;

/// <summary>Ring masks and pair threshold of the grid score.</summary>
/// <remarks>
/// Radii are fractions of the map's width in bins (the smaller of columns and rows), which is the
/// half-width of its autocorrelogram. Defaults: inner 0.2, outer 0.4 to 1.0 in 10 steps (as in
/// Banino et al. 2018 and Sorscher et al. 2019), at least 20 bin pairs per autocorrelogram lag.
/// </remarks>
public sealed record GridScoreOptions
{
    /// <summary>Inner ring radius as a fraction of the map width (default 0.2); bins at or inside it
    /// are excluded.</summary>
    public double InnerRadius { get; init; } = 0.2;

    /// <summary>Outer ring radii tried, fractions of the map width (default 0.4, 0.467, …, 1.0).</summary>
    public IReadOnlyList<double> OuterRadii { get; init; } =
        Enumerable.Range(0, 10).Select(i => 0.4 + i * (1.0 - 0.4) / 9).ToArray();

    /// <summary>Fewest bin pairs for an autocorrelogram value (default 20); fewer give NaN.</summary>
    public int MinimumPairs { get; init; } = 20;

    /// <summary>Throws an <see cref="ArgumentException"/> when a radius or the pair count is out of range.</summary>
    public void Validate()
    {
        if (!(InnerRadius >= 0) || OuterRadii is null || OuterRadii.Count == 0
            || OuterRadii.Any(r => !(r > InnerRadius) || !double.IsFinite(r)))
        {
            throw new ArgumentException(
                $"Grid-score rings need 0 ≤ inner < every outer radius, got inner {InnerRadius}, outer " +
                $"[{string.Join(", ", OuterRadii ?? [])}].");
        }

        if (MinimumPairs < 2)
        {
            throw new ArgumentException($"Minimum pair count must be ≥ 2, got {MinimumPairs}.", nameof(MinimumPairs));
        }
    }
}
