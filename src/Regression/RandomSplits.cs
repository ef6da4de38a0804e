namespace NeuralPredictivity.Regression;

/// <summary>Repeated random train/test splits with a fixed training fraction.</summary>
/// <remarks>
/// Split s permutes the samples with seed <c>Seed + s</c> and trains on the first
/// round(fraction · n) of them, testing on the rest; splits may overlap. Nayebi et al. (2021)
/// used a training fraction of 0.2 with seeds 0–9; Brain-Score uses 0.9 with 10 splits.
/// </remarks>
public sealed class RandomSplits : IFoldScheme
{
    /// <summary>Creates the scheme.</summary>
    /// <param name="trainFraction">Fraction of samples that train, in (0, 1).</param>
    /// <param name="splitCount">Number of splits, at least 1.</param>
    /// <param name="seed">Seed of split 0; split s uses seed + s.</param>
    public RandomSplits(double trainFraction, int splitCount, int seed)
    {
        if (!(trainFraction > 0 && trainFraction < 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(trainFraction), trainFraction, "The training fraction must lie strictly between 0 and 1.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(splitCount);
        TrainFraction = trainFraction;
        SplitCount = splitCount;
        Seed = seed;
    }

    /// <summary>Fraction of samples that train.</summary>
    public double TrainFraction { get; }

    /// <summary>Number of splits.</summary>
    public int SplitCount { get; }

    /// <summary>Seed of split 0.</summary>
    public int Seed { get; }

    /// <inheritdoc />
    public string Description =>
        FormattableString.Invariant(
            $"{SplitCount} random splits, {TrainFraction:0.###} train (seeds {Seed}…{Seed + SplitCount - 1})");

    /// <inheritdoc />
    public IReadOnlyList<Fold> Split(BinLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var n = layout.BinCount;
        var trainCount = (int)Math.Round(TrainFraction * n, MidpointRounding.AwayFromZero);
        if (trainCount < 1 || trainCount > n - 1)
        {
            throw new ArgumentException(
                FormattableString.Invariant(
                    $"{Description}: {n} bins × {TrainFraction} gives {trainCount} training bins; ") +
                "both sets need at least one.",
                nameof(layout));
        }

        var folds = new List<Fold>(SplitCount);
        for (var s = 0; s < SplitCount; s++)
        {
            var order = new SeededRandom(Seed + (long)s).Permutation(n);
            folds.Add(new Fold(s, order[..trainCount], order[trainCount..]));
        }

        return folds;
    }
}
