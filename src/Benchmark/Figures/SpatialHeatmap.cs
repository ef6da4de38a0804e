using NeuralPredictivity.Datasets;
using ScottPlot;
using ScottPlot.Plottables;

namespace NeuralPredictivity.Benchmark;

/// <summary>Draws one value per spatial bin as a ScottPlot heatmap whose cells cover exactly their bins.</summary>
/// <remarks>
/// Values are indexed by bin in grid order (row 0 at the smallest y); ScottPlot draws row 0 of an image at
/// the top, so rows are reversed. The image is placed with <see cref="Heatmap.Rectangle"/>, whose edges are
/// the grid's outer edges. ScottPlot's <c>Position</c> (and <c>Extent</c>) instead name the centres of the
/// corner cells and make the image one cell larger: given the grid edges they stretch a 30-bin map by one
/// bin, drawing a 150 cm box from −77.6 to 77.6 cm. Every map figure goes through here so none does that.
/// </remarks>
public static class SpatialHeatmap
{
    /// <summary>Adds the map <paramref name="valueOfBin"/>(bin) over <paramref name="grid"/> to
    /// <paramref name="plot"/>; NaN bins are drawn in <paramref name="nanColor"/> (transparent by default).</summary>
    public static Heatmap Add(Plot plot, SpatialGrid grid, Func<int, double> valueOfBin, Color? nanColor = null)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(valueOfBin);

        var image = new double[grid.RowCount, grid.ColumnCount];
        for (var bin = 0; bin < grid.BinCount; bin++)
        {
            var (column, row) = grid.BinCoordinates(bin);
            image[grid.RowCount - 1 - row, column] = valueOfBin(bin);
        }

        var heatmap = plot.Add.Heatmap(image);
        heatmap.Rectangle = new CoordinateRect(grid.XEdges[0], grid.XEdges[^1], grid.YEdges[0], grid.YEdges[^1]);
        heatmap.NaNCellColor = nanColor ?? Colors.Transparent;
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        return heatmap;
    }
}
