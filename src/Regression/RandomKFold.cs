namespace NeuralPredictivity.Regression;

/// <summary>k folds of randomly chosen bins; every bin is tested exactly once.</summary>
/// <remarks>
/// The samples are permuted with the seed, then dealt into k consecutive groups of
/// ⌈n/k⌉ or ⌊n/k⌋ samples (scikit-learn's KFold sizes); fold f tests group f and trains on the
/// rest. Random bins of smooth maps sit next to training bins, so scores are optimistic compared
/// with <see cref="BlockedKFold"/>.
/// </remarks>
public sealed class RandomKFold : IFoldScheme
{
    /// <summary>Creates the scheme.</summary>
    /// <param name="foldCount">k, at least 2.</param>
    /// <param name="seed">Seed of the permutation.</param>
    public RandomKFold(int foldCount, int seed)
    {
        if (foldCount < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(foldCount), foldCount, "k-fold needs k ≥ 2.");
        }

        FoldCount = foldCount;
        Seed = seed;
    }

    /// <summary>k.</summary>
    public int FoldCount { get; }

    /// <summary>Seed of the permutation.</summary>
    public int Seed { get; }

    /// <inheritdoc />
    public string Description => $"random {FoldCount}-fold (seed {Seed})";

    /// <inheritdoc />
    public IReadOnlyList<Fold> Split(BinLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        FoldPartition.EnsureFoldCount(FoldCount, layout.BinCount, Description);
        var order = new SeededRandom(Seed).Permutation(layout.BinCount);
        return FoldPartition.Consecutive(order, FoldCount);
    }
}
