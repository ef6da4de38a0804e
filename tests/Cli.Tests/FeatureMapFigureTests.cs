using NeuralPredictivity.Cli.Plots;
using NeuralPredictivity.Datasets;
using ScottPlot;

namespace NeuralPredictivity.Cli.Tests;

/// <summary>The <c>models preview</c> figure: a title over the whole figure and a labelled colourbar per panel.
/// </summary>
public sealed class FeatureMapFigureTests
{
    private static readonly SpatialMaps Maps = new(
        SpatialGrid.Centred(0, 0, 20, 20, 5),
        new double[16, 4],
        ["place-cells#0", "place-cells#1", "place-cells#2", "place-cells#3"]);

    [Fact]
    public void TheTitleSpansTheFigureAboveEveryPanel()
    {
        var figure = FeatureMapFigure.Figure(Maps, [0, 1, 2, 3], "place-cells d=4 PR=3.9",
            FeatureMapFigure.FeatureValueLabel);
        var frame = new PixelRect(0, 1020, 640, 0);

        var rectangles = figure.Layout.GetSubplotRectangles(figure.Subplots, frame);

        // Plot 0 is the title strip, the full width of the figure; the four panels sit below it, two rows.
        var heading = Assert.Single(figure.GetPlot(0).GetPlottables<ScottPlot.Plottables.Text>());
        Assert.Equal("place-cells d=4 PR=3.9", heading.LabelText);
        Assert.Equal((0f, 1020f, 0f), (rectangles[0].Left, rectangles[0].Right, rectangles[0].Top));
        Assert.Equal(5, rectangles.Length);
        Assert.All(rectangles.Skip(1), r => Assert.True(r.Top >= rectangles[0].Bottom, $"{r} overlaps the title"));
        Assert.Equal(2, rectangles.Skip(1).Select(r => r.Top).Distinct().Count());
        Assert.Equal(Maps.ColumnIds, figure.GetPlots().Skip(1).Select(p => p.Axes.Title.Label.Text));
    }

    [Theory]
    [InlineData(FeatureMapFigure.FeatureValueLabel)]
    [InlineData(FeatureMapFigure.ActivationLabel)]
    public void EveryPanelHasAColourbarLabelledWithTheFeaturesUnit(string label)
    {
        var figure = FeatureMapFigure.Figure(Maps, [0, 2], "t", label);

        var colourbars = figure.GetPlots().Skip(1)
            .Select(p => Assert.Single(p.Axes.GetPanels().OfType<ScottPlot.Panels.ColorBar>()));

        Assert.All(colourbars, c => Assert.Equal(label, c.Label));
        Assert.Contains("(dimensionless)", label, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSavedPngHasRoomForTheTitleStrip()
    {
        var path = Path.Combine(Path.GetTempPath(), $"np-feature-figure-{Guid.NewGuid():N}.png");
        try
        {
            FeatureMapFigure.Save(Maps, [0, 1, 2, 3], "t", path);

            // Three panels a row, 340 × 300 px each, and a 40 px title strip: 1020 × 640.
            var bytes = File.ReadAllBytes(path);
            var (width, height) = (BigEndian(bytes, 16), BigEndian(bytes, 20));
            Assert.Equal((1020, 640), (width, height));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static int BigEndian(byte[] bytes, int offset) =>
        bytes[offset] << 24 | bytes[offset + 1] << 16 | bytes[offset + 2] << 8 | bytes[offset + 3];
}
