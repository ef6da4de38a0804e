namespace NeuralPredictivity.Regression;

/// <summary>Shared fold-building steps of the fold schemes.</summary>
internal static class FoldPartition
{
    /// <summary>
    /// Deals samples, in the given order, into k consecutive groups: the first n mod k groups get
    /// ⌈n/k⌉ samples and the rest ⌊n/k⌋ (scikit-learn's KFold sizes). Each group is a test set.
    /// </summary>
    public static IReadOnlyList<Fold> Consecutive(int[] order, int foldCount)
    {
        var folds = new List<Fold>(foldCount);
        var start = 0;
        for (var f = 0; f < foldCount; f++)
        {
            var size = order.Length / foldCount + (f < order.Length % foldCount ? 1 : 0);
            var test = order.AsSpan(start, size).ToArray();
            var train = order.AsSpan(0, start).ToArray().Concat(order.AsSpan(start + size).ToArray());
            folds.Add(new Fold(f, train, test));
            start += size;
        }

        return folds;
    }

    /// <summary>Throws unless 2 ≤ k ≤ n.</summary>
    public static void EnsureFoldCount(int foldCount, int binCount, string scheme)
    {
        if (binCount < foldCount)
        {
            throw new ArgumentException(
                $"{scheme} needs at least {foldCount} bins (one per fold), but the layout has {binCount}.",
                "layout");
        }
    }

    /// <summary>
    /// One fold per group: the group's samples are the test set, every other sample trains except
    /// those within <paramref name="bufferBins"/> grid bins (Chebyshev distance) of a test bin.
    /// </summary>
    public static IReadOnlyList<Fold> FromGroups(
        BinLayout layout, int[] groupOfSample, int groupCount, int bufferBins, string scheme)
    {
        var folds = new List<Fold>(groupCount);
        for (var g = 0; g < groupCount; g++)
        {
            var test = new List<int>();
            for (var i = 0; i < groupOfSample.Length; i++)
            {
                if (groupOfSample[i] == g)
                {
                    test.Add(i);
                }
            }

            if (test.Count == 0)
            {
                throw new ArgumentException($"{scheme}: fold {g} has no bins in this layout.", "layout");
            }

            var excluded = Dilate(layout, test, bufferBins);
            var train = new List<int>();
            for (var i = 0; i < groupOfSample.Length; i++)
            {
                if (groupOfSample[i] != g && !excluded[layout.GridBins[i]])
                {
                    train.Add(i);
                }
            }

            if (train.Count == 0)
            {
                throw new ArgumentException(
                    $"{scheme}: fold {g} has no training bins left after a buffer of {bufferBins} bins; "
                    + "use a smaller buffer.", "layout");
            }

            folds.Add(new Fold(g, train, test));
        }

        return folds;
    }

    /// <summary>Grid cells within <paramref name="radius"/> bins (Chebyshev) of a test sample.</summary>
    private static bool[] Dilate(BinLayout layout, List<int> test, int radius)
    {
        var marked = new bool[layout.ColumnCount * layout.RowCount];
        foreach (var sample in test)
        {
            var (column, row) = (layout.Column(sample), layout.Row(sample));
            for (var r = Math.Max(0, row - radius); r <= Math.Min(layout.RowCount - 1, row + radius); r++)
            {
                for (var c = Math.Max(0, column - radius); c <= Math.Min(layout.ColumnCount - 1, column + radius); c++)
                {
                    marked[r * layout.ColumnCount + c] = true;
                }
            }
        }

        return marked;
    }

    public static void EnsureBuffer(int bufferBins)
    {
        if (bufferBins < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(bufferBins), bufferBins, "The buffer is a number of bins and must be ≥ 0.");
        }
    }
}
