namespace NeuralPredictivity.Datasets;

/// <summary>Several maps on one <see cref="SpatialGrid"/>: neuron rate maps or model feature maps.</summary>
/// <remarks>
/// <see cref="Values"/> is (bins × columns), bins numbered as in <see cref="SpatialGrid"/>. Columns
/// are neurons (Hz) for rate maps and features (model units or basis functions) for feature maps.
/// NaN marks a bin without data (unvisited by the animal, or never reached by a trajectory).
/// </remarks>
public sealed class SpatialMaps
{
    /// <summary>Wraps a (bins × columns) matrix; the row count must equal the grid's bin count.</summary>
    public SpatialMaps(SpatialGrid grid, double[,] values, IReadOnlyList<string> columnIds)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(columnIds);
        if (values.GetLength(0) != grid.BinCount)
        {
            throw new ArgumentException(
                $"Maps have {values.GetLength(0)} rows but the grid has {grid.BinCount} bins ({grid}).",
                    nameof(values));
        }

        if (values.GetLength(1) != columnIds.Count)
        {
            throw new ArgumentException(
                $"Maps have {values.GetLength(1)} columns but {columnIds.Count} column ids were given.",
                    nameof(columnIds));
        }

        Grid = grid;
        Values = values;
        ColumnIds = columnIds.ToArray();
    }

    /// <summary>The grid whose bins are the rows.</summary>
    public SpatialGrid Grid { get; }

    /// <summary>(bins × columns); NaN where a bin has no data.</summary>
    public double[,] Values { get; }

    /// <summary>Neuron or feature ids, one per column.</summary>
    public IReadOnlyList<string> ColumnIds { get; }

    /// <summary>Number of bins (rows).</summary>
    public int BinCount => Values.GetLength(0);

    /// <summary>Number of maps (columns).</summary>
    public int ColumnCount => Values.GetLength(1);

    /// <summary>One column as a new array of length <see cref="BinCount"/>.</summary>
    public double[] Column(int column)
    {
        var result = new double[BinCount];
        for (var bin = 0; bin < result.Length; bin++)
        {
            result[bin] = Values[bin, column];
        }

        return result;
    }

    /// <summary>True where every column of the bin is finite.</summary>
    public bool[] FiniteBins()
    {
        var finite = new bool[BinCount];
        for (var bin = 0; bin < finite.Length; bin++)
        {
            var ok = true;
            for (var column = 0; column < ColumnCount && ok; column++)
            {
                ok = double.IsFinite(Values[bin, column]);
            }

            finite[bin] = ok;
        }

        return finite;
    }

    /// <summary>The bins finite in every column, and among <paramref name="within"/> when given, as a
    /// (those bins × columns) matrix in bin order, with their count.</summary>
    /// <remarks>What a dimensionality is measured on: a run passes its visited bins, so a participation
    /// ratio computed here matches the one the run reports.</remarks>
    /// <param name="within">One entry per bin; false leaves the bin out. Null keeps every finite bin.</param>
    /// <exception cref="ArgumentException"><paramref name="within"/> does not have one entry per bin.</exception>
    public (double[,] Rows, int Count) FiniteRows(IReadOnlyList<bool>? within = null)
    {
        if (within is not null && within.Count != BinCount)
        {
            throw new ArgumentException(
                $"The bin mask has {within.Count} entries but the maps have {BinCount} bins ({Grid}).",
                nameof(within));
        }

        var finite = FiniteBins();
        var bins = Enumerable.Range(0, BinCount).Where(b => finite[b] && (within is null || within[b])).ToArray();
        var rows = new double[bins.Length, ColumnCount];
        for (var i = 0; i < bins.Length; i++)
        {
            for (var column = 0; column < ColumnCount; column++)
            {
                rows[i, column] = Values[bins[i], column];
            }
        }

        return (rows, bins.Length);
    }
}
