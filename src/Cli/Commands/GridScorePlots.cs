using NeuralPredictivity.Datasets;
using ScottPlot;

namespace NeuralPredictivity.Cli.Commands;

/// <summary>PNG heat maps of a rate or feature map and of its spatial autocorrelogram.</summary>
internal static class GridScorePlots
{
    private const int Size = 520;

    /// <summary>Writes the map (row 0 = smallest y, drawn at the bottom) as a heat map, NaN bins blank.</summary>
    internal static void SaveMap(string path, SpatialMaps maps, int column, string title)
    {
        var grid = maps.Grid;
        var image = new double[grid.RowCount, grid.ColumnCount];
        for (var bin = 0; bin < grid.BinCount; bin++)
        {
            var (c, r) = grid.BinCoordinates(bin);
            image[grid.RowCount - 1 - r, c] = maps.Values[bin, column];
        }

        var extent = new CoordinateRect(grid.XEdges[0], grid.XEdges[^1], grid.YEdges[0], grid.YEdges[^1]);
        Save(path, image, extent, title, "x (cm)", "y (cm)");
    }

    /// <summary>Writes an autocorrelogram [Δrow, Δcolumn] with lag axes in cm.</summary>
    internal static void SaveAutocorrelogram(string path, double[,] sac, double binCm, string title)
    {
        var (height, width) = (sac.GetLength(0), sac.GetLength(1));
        var image = new double[height, width];
        for (var i = 0; i < height; i++)
        {
            for (var j = 0; j < width; j++)
            {
                image[height - 1 - i, j] = sac[i, j];
            }
        }

        var (halfX, halfY) = (width * binCm / 2, height * binCm / 2);
        Save(path, image, new CoordinateRect(-halfX, halfX, -halfY, halfY), title, "Δx (cm)", "Δy (cm)");
    }

    private static void Save(
        string path, double[,] image, CoordinateRect extent, string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(image);
        heatmap.Rectangle = extent; // the image's outer edges; Extent would name its corner cells' centres
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.NaNCellColor = Colors.White;
        plot.Add.ColorBar(heatmap);
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.Axes.SquareUnits();
        var bytes = plot.GetImageBytes(Size + 80, Size, ImageFormat.Png);
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }
}
