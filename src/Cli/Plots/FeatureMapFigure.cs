using NeuralPredictivity.Benchmark;
using NeuralPredictivity.Datasets;
using ScottPlot;

namespace NeuralPredictivity.Cli.Plots;

/// <summary>A PNG of a few columns of a (bins × columns) map as heatmaps in arena coordinates.</summary>
/// <remarks>
/// Each panel is one column drawn on the grid's bin edges (x right, y up, cm), NaN bins in white,
/// with its own colour range so the shape of every field is visible. Written to a temporary file
/// and renamed, so a reader never sees half a PNG.
/// </remarks>
internal static class FeatureMapFigure
{
    private const int PanelSize = 300;

    internal static void Save(SpatialMaps maps, IReadOnlyList<int> columns, string title, string path)
    {
        var panelColumns = Math.Min(3, columns.Count);
        var panelRows = (columns.Count + panelColumns - 1) / panelColumns;
        var multiplot = new Multiplot();
        multiplot.AddPlots(columns.Count);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(panelRows, panelColumns);

        for (var panel = 0; panel < columns.Count; panel++)
        {
            var plot = multiplot.GetPlot(panel);
            AddHeatmap(plot, maps, columns[panel]);
            var id = maps.ColumnIds[columns[panel]];
            plot.Title(panel == 0 ? $"{title}\n{id}" : id, size: 11);
        }

        var partial = path + ".partial.png";
        multiplot.SavePng(partial, panelColumns * PanelSize, panelRows * PanelSize + 20);
        File.Move(partial, path, overwrite: true);
    }

    private static void AddHeatmap(Plot plot, SpatialMaps maps, int column)
    {
        var grid = maps.Grid;
        SpatialHeatmap.Add(plot, grid, bin => maps.Values[bin, column], Colors.White);
        plot.Axes.SquareUnits();
        plot.XLabel("x (cm)", size: 10);
        plot.YLabel("y (cm)", size: 10);
    }
}
