using ScottPlot;
using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Benchmark;

/// <summary>Turns ScottPlot figures into PNG bytes and inline HTML, and draws rate maps, for notebooks.</summary>
/// <remarks>
/// A .NET Interactive cell shows a figure with
/// <c>display(HTML(NotebookFigures.ImageHtml(NotebookFigures.Png(plot))))</c>: the PNG is embedded as a
/// base64 data URI, so the executed notebook carries its figures and needs no files beside it.
/// Rate maps are drawn as the run figures draw them: y grows upwards, unvisited (NaN) bins are left blank
/// rather than painted as zero, one colour bar in Hz, square bins.
/// </remarks>
public static class NotebookFigures
{
    /// <summary>Default figure width in pixels.</summary>
    public const int DefaultWidth = 900;

    /// <summary>Default figure height in pixels.</summary>
    public const int DefaultHeight = 600;

    /// <summary>Renders a plot as PNG bytes.</summary>
    public static byte[] Png(Plot plot, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(plot);
        CheckSize(width, height);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    /// <summary>Renders a multi-panel figure as PNG bytes.</summary>
    public static byte[] Png(Multiplot figure, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(figure);
        CheckSize(width, height);
        using var image = figure.Render(width, height);
        return image.GetImageBytes(ImageFormat.Png);
    }

    /// <summary>An HTML <c>img</c> element holding the PNG as a base64 data URI.</summary>
    /// <remarks>The caption becomes the alt text, HTML-escaped.</remarks>
    public static string ImageHtml(byte[] png, string caption = "figure")
    {
        ArgumentNullException.ThrowIfNull(png);
        ArgumentNullException.ThrowIfNull(caption);
        if (png.Length < 8 || png[0] != 0x89 || png[1] != (byte)'P' || png[2] != (byte)'N' || png[3] != (byte)'G')
        {
            throw new ArgumentException(
                $"Expected PNG bytes (signature 89 50 4E 47), got {png.Length} bytes that are not a PNG.", nameof(png));
        }

        var alt = System.Net.WebUtility.HtmlEncode(caption);
        return $"<img alt=\"{alt}\" src=\"data:image/png;base64,{Convert.ToBase64String(png)}\"/>";
    }

    /// <summary>Draws one rate map (or feature map) on <paramref name="plot"/> as a heatmap with a colour bar.
    /// </summary>
    /// <param name="plot">The panel to draw on.</param>
    /// <param name="grid">The grid the values are binned on.</param>
    /// <param name="values">One value per bin in grid order (row-major, row 0 at the smallest y); NaN = blank.
    /// </param>
    /// <param name="title">Panel title.</param>
    /// <param name="maxValue">Top of the colour scale; null uses the map's largest finite value.</param>
    /// <param name="unit">Colour bar label, e.g. "rate (Hz)".</param>
    /// <remarks>
    /// The colour scale starts at 0, so maps drawn with the same <paramref name="maxValue"/> compare by
    /// colour. An all-NaN map draws an empty panel with the scale 0–1.
    /// </remarks>
    public static void AddRateMap(Plot plot, SpatialGrid grid, IReadOnlyList<double> values, string title,
        double? maxValue = null, string unit = "rate (Hz)")
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != grid.BinCount)
        {
            throw new ArgumentException(
                $"The map has {values.Count} values but the grid has {grid.BinCount} bins ({grid}).", nameof(values));
        }

        var finite = values.Where(double.IsFinite).ToArray();
        var top = maxValue ?? (finite.Length > 0 ? finite.Max() : 1);
        var heatmap = SpatialHeatmap.Add(plot, grid, bin => values[bin]);
        heatmap.ManualRange = new ScottPlot.Range(0, top > 0 ? top : 1e-9);
        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = unit;
        plot.Title(title, 13);
        plot.XLabel("x (cm)", 12);
        plot.YLabel("y (cm)", 12);
        plot.Axes.SquareUnits();
    }

    /// <summary>A figure of rate-map panels laid out in rows of <paramref name="columns"/>.</summary>
    /// <param name="grid">The grid every map is binned on.</param>
    /// <param name="panels">Title and per-bin values of each panel, in reading order.</param>
    /// <param name="columns">Panels per row, ≥ 1.</param>
    /// <param name="maxValue">Shared top of the colour scale; null gives each panel its own.</param>
    /// <param name="unit">Colour bar label.</param>
    public static Multiplot RateMapPanels(SpatialGrid grid,
        IReadOnlyList<(string Title, IReadOnlyList<double> Values)> panels, int columns, double? maxValue = null,
        string unit = "rate (Hz)")
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(panels);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if (panels.Count == 0)
        {
            throw new ArgumentException("At least one panel is needed.", nameof(panels));
        }

        var rows = (panels.Count + columns - 1) / columns;
        var figure = new Multiplot();
        figure.AddPlots(rows * columns);
        figure.Layout = new ScottPlot.MultiplotLayouts.Grid(rows: rows, columns: columns);
        for (var i = 0; i < rows * columns; i++)
        {
            var plot = figure.GetPlot(i);
            if (i < panels.Count)
            {
                AddRateMap(plot, grid, panels[i].Values, panels[i].Title, maxValue, unit);
            }
            else
            {
                plot.HideAxesAndGrid();
            }
        }

        return figure;
    }

    private static void CheckSize(int width, int height)
    {
        if (width < 1 || height < 1 || width > 10_000 || height > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(width),
                $"Figure size must be 1–10,000 pixels per side, got {width} × {height}.");
        }
    }
}
