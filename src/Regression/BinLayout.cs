namespace NeuralPredictivity.Regression;

/// <summary>Where each sample (row of a regression matrix) sits on the spatial grid.</summary>
/// <remarks>
/// Samples are spatial bins. Regression keeps only the bins that are finite in every map, so
/// sample i is grid bin <c>GridBins[i]</c>, numbered row-major: <c>bin = row · ColumnCount +
/// column</c>, the column from x and the row from y (row 0 at the smallest y). Random fold
/// schemes ignore positions; blocked, half and quadrant schemes need them. Each grid bin holds
/// at most one sample.
/// </remarks>
public sealed class BinLayout
{
    private readonly int[] _gridBins;

    /// <summary>Creates a layout for samples at the given grid bins.</summary>
    /// <param name="columnCount">Bins along x (grid columns), at least 1.</param>
    /// <param name="rowCount">Bins along y (grid rows), at least 1.</param>
    /// <param name="gridBins">Row-major grid bin of each sample, distinct, in [0, columns · rows).</param>
    public BinLayout(int columnCount, int rowCount, int[] gridBins)
    {
        ArgumentNullException.ThrowIfNull(gridBins);
        if (columnCount < 1 || rowCount < 1)
        {
            throw new ArgumentException(
                $"A grid needs at least one column and one row, got {columnCount} × {rowCount}.",
                columnCount < 1 ? nameof(columnCount) : nameof(rowCount));
        }

        var cellCount = (long)columnCount * rowCount;
        var seen = new HashSet<int>();
        for (var i = 0; i < gridBins.Length; i++)
        {
            if (gridBins[i] < 0 || gridBins[i] >= cellCount)
            {
                throw new ArgumentException(
                    $"gridBins[{i}] is {gridBins[i]}, outside the {columnCount} × {rowCount} grid "
                    + $"(valid bins 0 … {cellCount - 1}).", nameof(gridBins));
            }

            if (!seen.Add(gridBins[i]))
            {
                throw new ArgumentException(
                    $"gridBins[{i}] repeats grid bin {gridBins[i]}: each bin is one sample.", nameof(gridBins));
            }
        }

        ColumnCount = columnCount;
        RowCount = rowCount;
        _gridBins = (int[])gridBins.Clone();
    }

    /// <summary>Bins along x.</summary>
    public int ColumnCount { get; }

    /// <summary>Bins along y.</summary>
    public int RowCount { get; }

    /// <summary>Row-major grid bin of each sample.</summary>
    public IReadOnlyList<int> GridBins => _gridBins;

    /// <summary>Number of samples: the row count of the matrices this layout describes.</summary>
    public int BinCount => _gridBins.Length;

    /// <summary>Every bin of a grid, in row-major order (no bin dropped).</summary>
    public static BinLayout FullGrid(int columnCount, int rowCount)
    {
        if (columnCount < 1 || rowCount < 1 || (long)columnCount * rowCount > int.MaxValue)
        {
            throw new ArgumentException(
                $"A grid needs at least one column and one row, got {columnCount} × {rowCount}.",
                nameof(columnCount));
        }

        return new BinLayout(columnCount, rowCount, Enumerable.Range(0, columnCount * rowCount).ToArray());
    }

    /// <summary>Samples on a single row, in order: for data without a spatial grid.</summary>
    /// <remarks>Random and contiguous schemes work on it; spatial schemes see a 1-row strip.</remarks>
    public static BinLayout Sequence(int binCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(binCount);
        return FullGrid(binCount, 1);
    }

    /// <summary>Grid column (from x) of sample <paramref name="sample"/>.</summary>
    public int Column(int sample) => _gridBins[sample] % ColumnCount;

    /// <summary>Grid row (from y) of sample <paramref name="sample"/>.</summary>
    public int Row(int sample) => _gridBins[sample] / ColumnCount;

    /// <summary>The layout of a subset of samples, in the given order, on the same grid.</summary>
    internal BinLayout Subset(IReadOnlyList<int> samples)
    {
        var bins = new int[samples.Count];
        for (var i = 0; i < bins.Length; i++)
        {
            bins[i] = _gridBins[samples[i]];
        }

        return new BinLayout(ColumnCount, RowCount, bins);
    }
}
