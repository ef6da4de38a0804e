using System.Globalization;
using NeuralPredictivity.Benchmark;
using NeuralPredictivity.Datasets;
using ScottPlot;

namespace NeuralPredictivity.Cli.Commands;

/// <summary>Rate-map PNGs for <c>datasets inspect --png-dir</c>: one per neuron and an overview of all.</summary>
/// <remarks>
/// Maps are drawn in the arena frame with y up (grid row 0 is the smallest y, so rows are flipped
/// for the image), unvisited bins white, and each neuron's colour scale from 0 to its peak rate.
/// Files are written to a temporary name and then renamed, so a half-written PNG never appears.
/// </remarks>
internal static class RateMapFigure
{
    private const int CellPixels = 220;
    private const int SinglePixels = 520;

    /// <summary>Writes the overview and one PNG per neuron; returns the paths, overview first.</summary>
    /// <remarks>Cancellation is checked before each PNG, so every file written is complete.</remarks>
    internal static IReadOnlyList<string> WriteAll(Recording recording, SpatialMaps maps,
        ReliabilityResult? reliability, string directory, CancellationToken cancellation = default)
    {
        Directory.CreateDirectory(directory);
        var stem = Safe(recording.Name);
        var written = new List<string>();

        var columns = (int)Math.Ceiling(Math.Sqrt(maps.ColumnCount));
        var rows = (int)Math.Ceiling(maps.ColumnCount / (double)columns);
        // A new Multiplot holds one empty plot; Reset replaces it with the first map.
        var overview = new Multiplot();
        overview.Reset(Draw(recording, maps, reliability, 0, compact: true));
        overview.Layout = new ScottPlot.MultiplotLayouts.Grid(rows, columns);
        for (var n = 1; n < maps.ColumnCount; n++)
        {
            overview.AddPlot(Draw(recording, maps, reliability, n, compact: true));
        }

        var overviewPath = Path.Combine(directory, $"{stem}_rate_maps.png");
        Save(overview.Render(columns * CellPixels, rows * CellPixels).GetImageBytes(ImageFormat.Png), overviewPath);
        written.Add(overviewPath);

        for (var n = 0; n < maps.ColumnCount; n++)
        {
            cancellation.ThrowIfCancellationRequested();
            var path = Path.Combine(directory, $"{stem}_{Safe(maps.ColumnIds[n])}.png");
            var plot = Draw(recording, maps, reliability, n, compact: false);
            Save(plot.GetImageBytes(SinglePixels + 90, SinglePixels, ImageFormat.Png), path);
            written.Add(path);
        }

        return written;
    }

    private static Plot Draw(
        Recording recording, SpatialMaps maps, ReliabilityResult? reliability, int neuron, bool compact)
    {
        var grid = maps.Grid;
        var peak = 0.0;
        for (var bin = 0; bin < grid.BinCount; bin++)
        {
            var value = maps.Values[bin, neuron];
            if (double.IsFinite(value))
            {
                peak = Math.Max(peak, value);
            }
        }

        var plot = new Plot();
        var heatmap = SpatialHeatmap.Add(plot, grid, bin => maps.Values[bin, neuron], Colors.White);
        heatmap.Colormap = new ScottPlot.Colormaps.Turbo();
        heatmap.ManualRange = new ScottPlot.Range(0, peak > 0 ? peak : 1);
        plot.Axes.SquareUnits();
        plot.Axes.SetLimits(grid.XEdges[0], grid.XEdges[^1], grid.YEdges[0], grid.YEdges[^1]);

        var id = maps.ColumnIds[neuron];
        var attributes = recording.Neurons[neuron].Attributes;
        var module = attributes.TryGetValue("grid_module", out var m) && m != "none" ? $" · module {m}" : string.Empty;
        var rho = reliability is null ? string.Empty : $" · ρ {Format(reliability.Ceilings[neuron], "0.00")}";
        var peakText = $"peak {Format(peak, "0.0")} Hz";
        if (compact)
        {
            plot.Title($"{id}{module}\n{rho.TrimStart(' ', '·')} · {peakText}", size: 11);
            plot.Axes.Left.IsVisible = false;
            plot.Axes.Bottom.IsVisible = false;
            plot.Axes.Right.IsVisible = false;
            plot.Axes.Top.IsVisible = false;
            plot.HideGrid();
        }
        else
        {
            plot.Title($"{recording.Name} {id}{module}{rho} · {peakText}", size: 14);
            plot.XLabel("x (cm)");
            plot.YLabel("y (cm)");
            plot.Add.ColorBar(heatmap).Label = "rate (Hz)";
        }

        return plot;
    }

    private static void Save(byte[] png, string path)
    {
        var temporary = path + ".tmp";
        try
        {
            File.WriteAllBytes(temporary, png);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static string Safe(string name) =>
        string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));

    private static string Format(double value, string format) =>
        double.IsNaN(value) ? "NaN" : value.ToString(format, CultureInfo.InvariantCulture);
}
