using NeuralPredictivity.Datasets;
using ScottPlot;
using SkiaSharp;

namespace NeuralPredictivity.Benchmark.Tests;

/// <summary>Rendered map figures put every bin's colour inside that bin's edges, row 0 at the bottom.</summary>
/// <remarks>
/// A 4 × 3 grid of 10 cm bins over x 0…40 cm, y 0…30 cm, each bin coloured by its index on a fixed range,
/// drawn with axes from −10 to 50 cm and no grid lines, so a plain background shows around it. The
/// image is decoded and sampled at coordinates: each bin centre must have its own colour, points
/// 1.5 cm outside the grid must show the background. Drawing the grid edges as ScottPlot's
/// Position/Extent (corner-cell centres) puts bin colours 1.5 cm outside the left and bottom walls,
/// which is what the edge checks catch.
/// </remarks>
public sealed class SpatialHeatmapTests
{
    private const int Pixels = 600;

    private static readonly SpatialGrid Grid = new([0.0, 10, 20, 30, 40], [0.0, 10, 20, 30]);

    [Fact]
    public void EachBinIsDrawnInsideItsOwnEdgesWithRowZeroAtTheBottom()
    {
        var (plot, image, range) = Render(bin => bin);
        using (image)
        {
            for (var bin = 0; bin < Grid.BinCount; bin++)
            {
                var (x, y) = Grid.BinCentre(bin);
                var expected = new ScottPlot.Colormaps.Viridis().GetColor(bin, range);
                AssertColour(expected, Sample(plot, image, x, y), $"bin {bin} at ({x}, {y}) cm");
            }

            var background = Sample(plot, image, -8, -8);
            foreach (var (x, y) in new[] { (-1.5, 15.0), (41.5, 15.0), (20.0, -1.5), (20.0, 31.5) })
            {
                AssertColour(background, Sample(plot, image, x, y), $"outside the grid at ({x}, {y}) cm");
            }
        }
    }

    [Fact]
    public void NaNBinsShowTheBackgroundOrTheGivenColour()
    {
        var (plot, image, _) = Render(bin => bin == 5 ? double.NaN : bin);
        using (image)
        {
            var (x, y) = Grid.BinCentre(5);
            AssertColour(Sample(plot, image, -8, -8), Sample(plot, image, x, y), "transparent NaN bin");
        }

        var white = new Plot();
        SpatialHeatmap.Add(white, Grid, bin => bin == 5 ? double.NaN : bin, Colors.Magenta);
        white.Axes.SetLimits(-10, 50, -10, 40);
        white.HideGrid();
        using var whiteImage = SKBitmap.Decode(white.GetImageBytes(Pixels, Pixels, ImageFormat.Png));
        var (cx, cy) = Grid.BinCentre(5);
        AssertColour(Colors.Magenta, Sample(white, whiteImage, cx, cy), "NaN bin in the given colour");
    }

    private static (Plot Plot, SKBitmap Image, ScottPlot.Range Range) Render(Func<int, double> valueOfBin)
    {
        var plot = new Plot();
        var range = new ScottPlot.Range(0, Grid.BinCount - 1);
        var heatmap = SpatialHeatmap.Add(plot, Grid, valueOfBin);
        heatmap.ManualRange = range;
        plot.Axes.SetLimits(-10, 50, -10, 40);
        plot.HideGrid();
        var image = SKBitmap.Decode(plot.GetImageBytes(Pixels, Pixels, ImageFormat.Png));
        return (plot, image, range);
    }

    private static Color Sample(Plot plot, SKBitmap image, double x, double y)
    {
        var pixel = plot.GetPixel(new Coordinates(x, y));
        var colour = image.GetPixel((int)Math.Round(pixel.X), (int)Math.Round(pixel.Y));
        return new Color(colour.Red, colour.Green, colour.Blue);
    }

    private static void AssertColour(Color expected, Color actual, string where)
    {
        // PNG colours are 8-bit; one step of rounding either way is the same colour.
        var close = Math.Abs(expected.R - actual.R) <= 1 && Math.Abs(expected.G - actual.G) <= 1
            && Math.Abs(expected.B - actual.B) <= 1;
        Assert.True(close, $"{where}: expected RGB ({expected.R}, {expected.G}, {expected.B}), "
            + $"found ({actual.R}, {actual.G}, {actual.B})");
    }
}
