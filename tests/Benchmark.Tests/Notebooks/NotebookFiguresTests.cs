using NeuralPredictivity.Datasets;
using ScottPlot;
using SkiaSharp;

namespace NeuralPredictivity.Benchmark.Tests;

public sealed class NotebookFiguresTests
{
    private static readonly SpatialGrid Box = SpatialGrid.Centred(0, 0, 100, 100, 10);

    [Fact]
    public void PngHasTheSignatureAndTheRequestedSize()
    {
        var plot = new Plot();
        plot.Add.Scatter(new double[] { 1, 2, 3 }, new double[] { 1, 4, 9 });

        var png = NotebookFigures.Png(plot, 320, 200);

        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal((320, 200), (bitmap.Width, bitmap.Height));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
    }

    [Fact]
    public void ImageHtmlEmbedsTheBytesAndEscapesTheCaption()
    {
        var png = NotebookFigures.Png(new Plot(), 50, 40);

        var html = NotebookFigures.ImageHtml(png, "r < 1 & \"ρ\"");

        const string prefix = "src=\"data:image/png;base64,";
        var start = html.IndexOf(prefix, StringComparison.Ordinal) + prefix.Length;
        var encoded = html[start..html.IndexOf('"', start)];
        Assert.Equal(png, Convert.FromBase64String(encoded));
        Assert.Contains("alt=\"r &lt; 1 &amp; &quot;ρ&quot;\"", html);
    }

    [Fact]
    public void ImageHtmlRefusesBytesThatAreNotPng()
    {
        var error = Assert.Throws<ArgumentException>(() => NotebookFigures.ImageHtml([1, 2, 3, 4, 5, 6, 7, 8]));

        Assert.Equal("png", error.ParamName);
    }

    [Fact]
    public void RateMapPutsTheSmallestYAtTheBottomAndLeavesUnvisitedBinsBlank()
    {
        // Row 0 (y from −50 to −40 cm) at the peak rate, the top row unvisited, everything else 0 Hz.
        var map = Enumerable.Range(0, Box.BinCount).Select(b => Box.BinCoordinates(b).Row switch
        {
            0 => 10.0,
            9 => double.NaN,
            _ => 0.0,
        }).ToArray();
        var plot = new Plot();
        NotebookFigures.AddRateMap(plot, Box, map, "test");

        var png = NotebookFigures.Png(plot, 600, 600);

        using var bitmap = SKBitmap.Decode(png);
        SKColor At(double x, double y)
        {
            var pixel = plot.GetPixel(new Coordinates(x, y));
            return bitmap.GetPixel((int)pixel.X, (int)pixel.Y);
        }

        // Viridis runs from dark purple (#440154) at 0 to yellow (#FDE725) at the top of the scale. x = 13 cm
        // keeps clear of the grid lines, which show through blank bins.
        var bottom = At(13, -45);
        var middle = At(13, 3);
        var top = At(13, 45);
        Assert.True(bottom.Red > 200 && bottom.Green > 200 && bottom.Blue < 100, $"bottom row is {bottom}");
        Assert.True(middle.Red < 100 && middle.Green < 50 && middle.Blue > 60, $"0 Hz bins are {middle}");
        Assert.True(top.Red == top.Green && top.Green == top.Blue && top.Red > 200, $"unvisited row is {top}");
    }

    [Fact]
    public void RateMapRefusesAMapOfAnotherGrid()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            NotebookFigures.AddRateMap(new Plot(), Box, new double[99], "short"));

        Assert.Equal("values", error.ParamName);
        Assert.Contains("99 values", error.Message);
    }

    [Fact]
    public void PanelsFillRowsAndRenderAsOneImage()
    {
        var flat = Enumerable.Repeat(1.0, Box.BinCount).ToArray();
        var panels = Enumerable.Range(0, 5).Select(i => ($"map {i}", (IReadOnlyList<double>)flat)).ToList();

        var figure = NotebookFigures.RateMapPanels(Box, panels, columns: 3);
        var png = NotebookFigures.Png(figure, 900, 600);

        Assert.Equal(6, figure.Subplots.Count);
        Assert.Equal("map 4", figure.GetPlot(4).Axes.Title.Label.Text);
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal((900, 600), (bitmap.Width, bitmap.Height));
    }
}
