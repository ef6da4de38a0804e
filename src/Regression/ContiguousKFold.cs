namespace NeuralPredictivity.Regression;

/// <summary>k folds of consecutive samples, in sample order, unshuffled.</summary>
/// <remarks>
/// Matches scikit-learn's <c>KFold(n_splits=k, shuffle=False)</c>: fold f tests samples
/// [start_f, start_f + size_f), with the first n mod k folds one sample larger. With k = n it is
/// leave-one-out. Samples are row-major bins, so on a full grid each fold is a band of rows.
/// </remarks>
public sealed class ContiguousKFold : IFoldScheme
{
    /// <summary>Creates the scheme.</summary>
    /// <param name="foldCount">k, at least 2.</param>
    public ContiguousKFold(int foldCount)
    {
        if (foldCount < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(foldCount), foldCount, "k-fold needs k ≥ 2.");
        }

        FoldCount = foldCount;
    }

    /// <summary>k.</summary>
    public int FoldCount { get; }

    /// <inheritdoc />
    public string Description => $"contiguous {FoldCount}-fold";

    /// <inheritdoc />
    public IReadOnlyList<Fold> Split(BinLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        FoldPartition.EnsureFoldCount(FoldCount, layout.BinCount, Description);
        return FoldPartition.Consecutive(Enumerable.Range(0, layout.BinCount).ToArray(), FoldCount);
    }
}
