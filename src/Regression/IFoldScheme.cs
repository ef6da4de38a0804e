namespace NeuralPredictivity.Regression;

/// <summary>A reproducible way to split samples (bins) into train/test folds.</summary>
/// <remarks>
/// Implementations are seeded where they are random: the same scheme and layout give the same
/// folds on every run and machine. Random splits of smooth rate maps let a smooth basis
/// interpolate between neighbouring training bins, which inflates scores; blocked, half and
/// quadrant schemes hold out contiguous regions instead.
/// </remarks>
public interface IFoldScheme
{
    /// <summary>Human-readable label written into results, e.g. "random 5-fold (seed 0)".</summary>
    string Description { get; }

    /// <summary>The folds over the samples of <paramref name="layout"/>.</summary>
    /// <exception cref="ArgumentException">The layout cannot be split this way (too few samples or blocks).</exception>
    IReadOnlyList<Fold> Split(BinLayout layout);
}
