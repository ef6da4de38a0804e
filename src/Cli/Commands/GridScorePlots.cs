using NeuralPredictivity.Datasets;
using ScottPlot;

namespace NeuralPredictivity.Cli.Commands;

/// <summary>PNG heat maps of a rate or feature map and of its spatial autocorrelogram.</summary>
/// <remarks>Every colourbar names its quantity and unit: a heat map without them cannot be read as a rate, an
/// activation or a correlation.</remarks>
internal static class GridScorePlots
{
    /// <summary>Colourbar label of a recorded neuron's rate map.</summary>
    internal const string RateLabel = "rate (Hz)";

    /// <summary>Colourbar label of a network unit's map: its mean hidden-unit activation, which has no unit.</summary>
    internal const string ActivationLabel = "activation (dimensionless)";

    /// <summary>Colourbar label of an autocorrelogram.</summary>
    internal const string CorrelationLabel = "correlation (Pearson r)";

    private const int Size = 520;

    /// <summary>Writes the map of <paramref name="column"/> as <see cref="MapPlot"/> draws it.</summary>
    internal static void SaveMap(string path, SpatialMaps maps, int column, string title, string valueLabel) =>
        Write(MapPlot(maps, column, title, valueLabel), path);

    /// <summary>Writes the autocorrelogram as <see cref="AutocorrelogramPlot"/> draws it.</summary>
    internal static void SaveAutocorrelogram(string path, double[,] sac, double binCm, string title) =>
        Write(AutocorrelogramPlot(sac, binCm, title), path);

    /// <summary>The map (row 0 = smallest y, drawn at the bottom) as a heat map, NaN bins blank, with a
    /// colourbar labelled <paramref name="valueLabel"/>.</summary>
    internal static Plot MapPlot(SpatialMaps maps, int column, string title, string valueLabel)
    {
        var grid = maps.Grid;
        var image = new double[grid.RowCount, grid.ColumnCount];
        for (var bin = 0; bin < grid.BinCount; bin++)
        {
            var (c, r) = grid.BinCoordinates(bin);
            image[grid.RowCount - 1 - r, c] = maps.Values[bin, column];
        }

        var extent = new CoordinateRect(grid.XEdges[0], grid.XEdges[^1], grid.YEdges[0], grid.YEdges[^1]);
        return Draw(image, extent, title, "x (cm)", "y (cm)", valueLabel);
    }

    /// <summary>An autocorrelogram [Δrow, Δcolumn] with lag axes in cm and a colourbar of the correlation.
    /// </summary>
    internal static Plot AutocorrelogramPlot(double[,] sac, double binCm, string title)
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
        return Draw(image, new CoordinateRect(-halfX, halfX, -halfY, halfY), title, "Δx (cm)", "Δy (cm)",
            CorrelationLabel);
    }

    private static Plot Draw(
        double[,] image, CoordinateRect extent, string title, string xLabel, string yLabel, string valueLabel)
    {
        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(image);
        heatmap.Rectangle = extent; // the image's outer edges; Extent would name its corner cells' centres
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.NaNCellColor = Colors.White;
        plot.Add.ColorBar(heatmap).Label = valueLabel;
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.Axes.SquareUnits();
        return plot;
    }

    private static void Write(Plot plot, string path)
    {
        // Wider than tall by the colourbar and its label, so the square-unit map keeps its size.
        var bytes = plot.GetImageBytes(Size + 110, Size, ImageFormat.Png);
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }
}
