using NeuralPredictivity.Benchmark;
using NeuralPredictivity.Datasets;
using ScottPlot;

namespace NeuralPredictivity.Cli.Plots;

/// <summary>A PNG of a few columns of a (bins × columns) map as heatmaps in arena coordinates.</summary>
/// <remarks>
/// Each panel is one column drawn on the grid's bin edges (x right, y up, cm), NaN bins in white,
/// with its own colour range so the shape of every field is visible, and therefore its own colourbar
/// labelled with the features' quantity and unit. The figure's title sits in a strip across the top,
/// over all panels, since it names the map (family, d, PR) that every panel belongs to. Written to a
/// temporary file and renamed, so a reader never sees half a PNG.
/// </remarks>
internal static class FeatureMapFigure
{
    /// <summary>Colourbar label of a baseline family's features: basis-function values, which have no unit.
    /// </summary>
    internal const string FeatureValueLabel = "feature value (dimensionless)";

    /// <summary>Colourbar label of a network's features: mean hidden-unit activation per bin, no unit.</summary>
    internal const string ActivationLabel = "activation (dimensionless)";

    private const int PanelWidth = 340;
    private const int PanelHeight = 300;
    private const int TitleHeight = 40;

    internal static void Save(SpatialMaps maps, IReadOnlyList<int> columns, string title, string path,
        string valueLabel = FeatureValueLabel)
    {
        var figure = Figure(maps, columns, title, valueLabel);
        var (panelColumns, panelRows) = Layout(columns.Count);
        var partial = path + ".partial.png";
        figure.SavePng(partial, panelColumns * PanelWidth, panelRows * PanelHeight + TitleHeight);
        File.Move(partial, path, overwrite: true);
    }

    /// <summary>The figure: plot 0 is the title strip, plots 1… the panels of <paramref name="columns"/>.
    /// </summary>
    internal static Multiplot Figure(SpatialMaps maps, IReadOnlyList<int> columns, string title, string valueLabel)
    {
        var (panelColumns, panelRows) = Layout(columns.Count);
        // A plot's own title belongs to its axes, which the strip hides; the heading is text in the middle.
        var heading = new Plot();
        var text = heading.Add.Text(title, 0, 0);
        text.Alignment = Alignment.MiddleCenter;
        text.LabelFontSize = 15;
        text.LabelBold = true;
        heading.HideAxesAndGrid();
        heading.Layout.Frameless();
        heading.Axes.SetLimits(-1, 1, -1, 1);

        // A new Multiplot holds one empty plot; Reset replaces it with the title strip.
        var figure = new Multiplot();
        figure.Reset(heading);
        figure.Layout = new TitledGrid(panelRows, panelColumns, TitleHeight);
        foreach (var column in columns)
        {
            figure.AddPlot(Panel(maps, column, valueLabel));
        }

        return figure;
    }

    private static (int Columns, int Rows) Layout(int panels)
    {
        var columns = Math.Max(1, Math.Min(3, panels));
        return (columns, Math.Max(1, (panels + columns - 1) / columns));
    }

    private static Plot Panel(SpatialMaps maps, int column, string valueLabel)
    {
        var plot = new Plot();
        var heatmap = SpatialHeatmap.Add(plot, maps.Grid, bin => maps.Values[bin, column], Colors.White);
        var colourbar = plot.Add.ColorBar(heatmap);
        colourbar.Label = valueLabel;
        colourbar.LabelStyle.FontSize = 10;
        plot.Axes.SquareUnits();
        plot.Title(maps.ColumnIds[column], size: 11);
        plot.XLabel("x (cm)", size: 10);
        plot.YLabel("y (cm)", size: 10);
        return plot;
    }

    /// <summary>Plot 0 across the top, <see cref="TitleHeight"/> pixels tall; the others in a grid below it.
    /// </summary>
    private sealed class TitledGrid(int rows, int columns, float titleHeight) : IMultiplotLayout
    {
        public PixelRect[] GetSubplotRectangles(SubplotCollection subplots, PixelRect figureRect)
        {
            var rectangles = new PixelRect[subplots.Count];
            var top = figureRect.Top + titleHeight;
            rectangles[0] = new PixelRect(figureRect.Left, figureRect.Right, top, figureRect.Top);
            var (width, height) = (figureRect.Width / columns, (figureRect.Bottom - top) / rows);
            for (var i = 1; i < subplots.Count; i++)
            {
                var (row, column) = Math.DivRem(i - 1, columns);
                var left = figureRect.Left + column * width;
                var upper = top + row * height;
                rectangles[i] = new PixelRect(left, left + width, upper + height, upper);
            }

            return rectangles;
        }
    }
}
