namespace NeuralPredictivity.Regression;

/// <summary>One train/test partition of the samples (bins).</summary>
/// <remarks>
/// <see cref="Train"/> and <see cref="Test"/> are sample indices (rows of the (bins × …)
/// matrices), sorted ascending and disjoint. Samples in neither set are excluded from this fold,
/// which is how spatial schemes leave a buffer between test and training bins.
/// </remarks>
public sealed class Fold
{
    private readonly int[] _train;
    private readonly int[] _test;

    /// <summary>Creates a fold; the index lists are copied and sorted.</summary>
    /// <param name="index">Position of the fold within its scheme, from 0.</param>
    /// <param name="train">Training samples, at least one, distinct.</param>
    /// <param name="test">Test samples, at least one, distinct, none also in <paramref name="train"/>.</param>
    public Fold(int index, IEnumerable<int> train, IEnumerable<int> test)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        Index = index;
        _train = train.Order().ToArray();
        _test = test.Order().ToArray();
        if (_train.Length == 0 || _test.Length == 0)
        {
            throw new ArgumentException(
                $"Fold {index} has {_train.Length} training and {_test.Length} test samples; both need at least one.",
                _train.Length == 0 ? nameof(train) : nameof(test));
        }

        EnsureDistinct(_train, index, nameof(train));
        EnsureDistinct(_test, index, nameof(test));
        var overlap = _test.Intersect(_train).Take(1).ToArray();
        if (overlap.Length > 0)
        {
            throw new ArgumentException(
                $"Fold {index}: sample {overlap[0]} is in both the training and the test set.", nameof(test));
        }
    }

    /// <summary>Position of the fold within its scheme, from 0.</summary>
    public int Index { get; }

    /// <summary>Training samples, ascending.</summary>
    public IReadOnlyList<int> Train => _train;

    /// <summary>Test samples, ascending.</summary>
    public IReadOnlyList<int> Test => _test;

    internal int[] TrainArray => _train;

    internal int[] TestArray => _test;

    /// <summary>Throws when an index is outside a layout of <paramref name="binCount"/> samples.</summary>
    internal void EnsureWithin(int binCount, string parameterName)
    {
        var largest = Math.Max(_train[^1], _test[^1]);
        var smallest = Math.Min(_train[0], _test[0]);
        if (smallest < 0 || largest >= binCount)
        {
            throw new ArgumentException(
                $"Fold {Index} refers to sample {(smallest < 0 ? smallest : largest)}, but the data have "
                + $"{binCount} bins (valid 0 … {binCount - 1}).", parameterName);
        }
    }

    private static void EnsureDistinct(int[] sorted, int index, string parameterName)
    {
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] == sorted[i - 1])
            {
                throw new ArgumentException($"Fold {index} lists sample {sorted[i]} twice.", parameterName);
            }
        }
    }
}
