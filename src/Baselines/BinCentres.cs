using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Baselines;

/// <summary>The bins of a grid whose centre lies in the arena, with their centres and grid coordinates.</summary>
internal sealed class BinCentres
{
    private BinCentres(int[] bins, int[] columns, int[] rows, double[] columnX, double[] rowY)
    {
        Bins = bins;
        Columns = columns;
        Rows = rows;
        ColumnX = columnX;
        RowY = rowY;
    }

    /// <summary>Indices of the defined bins, ascending.</summary>
    internal int[] Bins { get; }

    /// <summary>Column of each defined bin.</summary>
    internal int[] Columns { get; }

    /// <summary>Row of each defined bin.</summary>
    internal int[] Rows { get; }

    /// <summary>x of every column's centre (cm), for all columns of the grid.</summary>
    internal double[] ColumnX { get; }

    /// <summary>y of every row's centre (cm), for all rows of the grid.</summary>
    internal double[] RowY { get; }

    internal int Count => Bins.Length;

    internal double X(int index) => ColumnX[Columns[index]];

    internal double Y(int index) => RowY[Rows[index]];

    internal static BinCentres Inside(SpatialGrid grid, Arena arena)
    {
        var columnX = Enumerable.Range(0, grid.ColumnCount)
            .Select(c => (grid.XEdges[c] + grid.XEdges[c + 1]) / 2).ToArray();
        var rowY = Enumerable.Range(0, grid.RowCount)
            .Select(r => (grid.YEdges[r] + grid.YEdges[r + 1]) / 2).ToArray();

        var bins = new List<int>(grid.BinCount);
        for (var bin = 0; bin < grid.BinCount; bin++)
        {
            var (column, row) = grid.BinCoordinates(bin);
            if (arena.Contains(columnX[column], rowY[row]))
            {
                bins.Add(bin);
            }
        }

        return new BinCentres(
            bins.ToArray(),
            bins.Select(b => b % grid.ColumnCount).ToArray(),
            bins.Select(b => b / grid.ColumnCount).ToArray(),
            columnX,
            rowY);
    }
}
