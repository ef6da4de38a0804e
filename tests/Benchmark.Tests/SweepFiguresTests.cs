using ScottPlot;

namespace NeuralPredictivity.Benchmark.Tests;

public sealed class SweepFiguresTests
{
    [Fact]
    public void LogLineFitRecoversAKnownSlopePerDecade()
    {
        double[] prs = [2, 20, 200, 2000];
        var scores = prs.Select(p => 0.3 + 0.125 * Math.Log10(p)).ToArray();

        var fit = LogLineFit.Of(prs, scores);

        // Exact data, four points: the normal equations are solved to rounding, ~1e-15.
        Assert.True(fit.HasSlope);
        Assert.Equal(0.125, fit.Slope, 12);
        Assert.Equal(0.3, fit.Intercept, 12);
        Assert.Equal("slope +0.125 per decade of PR 2–2000", fit.Describe("PR"));
    }

    [Fact]
    public void AFamilyKeepsItsColourWhateverTheOrderOfFamiliesAndVariantsFollowTheToolkitsFamilies()
    {
        var nominal = SweepFigures.SeriesSlots(
            ["trained", "trained:reduce=units", "untrained", "random-fourier", "shuffled:random-fourier"]);
        var matched = SweepFigures.SeriesSlots(["random-fourier", "untrained", "trained"]);

        foreach (var family in matched.Keys)
        {
            Assert.Equal(nominal[family], matched[family]);
            Assert.Equal(FigureStyle.Series(nominal[family]), FigureStyle.Series(matched[family]));
        }

        var known = ModelSpec.FamilyNames.Count;
        Assert.Equal((known, known + 1), (nominal["trained:reduce=units"], nominal["shuffled:random-fourier"]));
        Assert.Equal(nominal.Count, nominal.Values.Distinct().Count());
    }

    [Fact]
    public void LogLineFitNeedsTwoDistinctDimensionalities()
    {
        Assert.Equal(LogLineFit.TooFew, LogLineFit.Of([5, 5], [0.1, 0.2]).Reason);
        Assert.Equal(LogLineFit.TooFew, LogLineFit.Of([5, double.NaN], [0.1, 0.2]).Reason);
        Assert.Equal(LogLineFit.NoPoints, LogLineFit.Of([5, 8], [double.NaN, double.NaN]).Reason);
    }

    [Fact]
    public void NoSlopeIsFittedWhenThePointsSpanLessThanAFactorOfTwo()
    {
        // The shuffled control of a real sweep (Stensola BEN, d = 4 and 16): PR moves only from 2.50 to 2.76 and
        // r_norm scatters around 0, which a fit once reported as "+0.290 per decade".
        double[] prs = [2.511, 2.500, 2.756, 2.745];
        double[] scores = [-0.0167, -0.0105, 0.0061, -0.0102];

        var fit = LogLineFit.Of(prs, scores);

        Assert.False(fit.HasSlope);
        Assert.True(double.IsNaN(fit.Slope) && double.IsNaN(fit.Intercept));
        Assert.Equal("PR 2.50–2.76: range too narrow for a slope", fit.Describe("PR"));
    }

    [Theory]
    [InlineData(4.0, 8.0, true)]
    [InlineData(4.0, 7.99, false)]
    [InlineData(2.54, 9.85, true)]
    public void ASlopeNeedsTheLargestXAtLeastTwiceTheSmallest(double low, double high, bool fitted)
    {
        var fit = LogLineFit.Of([low, high], [0.1, 0.2]);

        Assert.Equal(fitted, fit.HasSlope);
        Assert.Equal(fitted ? null : LogLineFit.TooNarrow, fit.Reason);
    }

    [Fact]
    public void ParticipationRatioFigureDrawsLinesOnlyForFamiliesThatSpanAFactorOfTwo()
    {
        var rows = RealSweepRows();

        var plot = SweepFigures.ParticipationRatioPlot(rows, "stensola2012_ben")!;

        Assert.Equal(
        [
            "random-fourier: slope +0.327 per decade of PR 2.54–9.85",
            "place-cells: slope +0.524 per decade of PR 3.16–9.06",
            "shuffled: PR 2.50–2.76: range too narrow for a slope",
        ], LegendTexts(plot));
        Assert.Equal(2, plot.GetPlottables<ScottPlot.Plottables.LinePlot>().Count());
    }

    [Fact]
    public void NominalDimensionFigureGivesSlopesByTheSameRuleAndLabelsTheSweptDimensions()
    {
        var rows = RealSweepRows();

        var plot = SweepFigures.NominalDimensionPlot(rows, "stensola2012_ben")!;

        // d = 4 and 16 span a factor of 4, so every family gets a slope, the shuffled control one near 0.
        Assert.Equal(
        [
            "random-fourier (2 seeds): slope +0.282 per decade of d 4–16",
            "place-cells (2 seeds): slope +0.343 per decade of d 4–16",
            "shuffled (2 seeds): slope +0.019 per decade of d 4–16",
        ], LegendTexts(plot));
        var labels = AxisLabels(plot);
        Assert.Contains("4", labels);
        Assert.Contains("8", labels);
        Assert.Contains("16", labels);
    }

    [Fact]
    public void FamilyWithoutAFiniteScoreIsLeftOutOfTheFigureAndNamedInItsTitle()
    {
        var rows = RealSweepRows();
        foreach (var row in rows.Where(r => r.Family == "shuffled"))
        {
            row.MedianRNorm = double.NaN;
        }

        var pr = SweepFigures.ParticipationRatioPlot(rows, "stensola2012_ben")!;
        var d = SweepFigures.NominalDimensionPlot(rows, "stensola2012_ben")!;

        Assert.All([pr, d], plot =>
        {
            Assert.DoesNotContain(LegendTexts(plot), t => t.StartsWith("shuffled", StringComparison.Ordinal));
            Assert.EndsWith(": shuffled", plot.Axes.Title.Label.Text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void NoFigureIsDrawnWithoutAFinitePoint()
    {
        var rows = RealSweepRows();
        foreach (var row in rows)
        {
            row.MedianRNorm = double.NaN;
        }

        var path = Path.Combine(Path.GetTempPath(), $"np-no-figure-{Guid.NewGuid():N}.png");

        Assert.Null(SweepFigures.ParticipationRatioPlot([], "x"));
        Assert.Null(SweepFigures.NominalDimensionPlot(rows, "x"));
        Assert.False(SweepFigures.PredictivityVsParticipationRatio(path, rows, "x"));
        Assert.False(File.Exists(path));
    }

    [Theory]
    [InlineData(4, 16, true)]
    [InlineData(4, 4096, true)]
    [InlineData(2.50, 2.76, false)]
    [InlineData(2.50, 9.85, false)]
    [InlineData(1.5, 1e6, false)]
    [InlineData(0.02, 0.05, false)]
    public void EveryLogAxisSpanGetsSpacedFaithfulLabelsAmongTheData(double low, double high, bool powersOfTwo)
    {
        // The figures pad the data range by 0.05 decades (or 5 % of it) on each side.
        var pad = Math.Max(0.05, 0.05 * (Math.Log10(high) - Math.Log10(low)));
        var (lowLog, highLog) = (Math.Log10(low) - pad, Math.Log10(high) + pad);

        var ticks = LogAxisTicks.Place(lowLog, highLog, powersOfTwo);

        var labelled = ticks.Where(t => t.Label is not null).ToList();
        Assert.InRange(labelled.Count, LogAxisTicks.MinimumLabels, LogAxisTicks.MaximumLabels + 1);
        Assert.All(ticks, t => Assert.InRange(t.Position, lowLog, highLog));
        Assert.All(labelled.Zip(labelled.Skip(1)), pair =>
            Assert.True(pair.Second.Position - pair.First.Position >= (highLog - lowLog) / LogAxisTicks.MaximumLabels,
                $"{pair.First.Label} and {pair.Second.Label} crowd"));

        // Each label is the value at its position, to the six decimals a label can show.
        Assert.All(labelled, t => Assert.Equal(Math.Pow(10, t.Position), double.Parse(t.Label!), 6));
    }

    [Fact]
    public void PowersOfTwoAreLabelledOnTheNominalDimensionAxis()
    {
        // d = 4 and 16 once showed the labels "5" and "10" only: no data point sat on a labelled tick.
        var ticks = LogAxisTicks.Place(Math.Log10(4) - 0.05, Math.Log10(16) + 0.05, powersOfTwo: true);

        Assert.Equal(["4", "5", "8", "10", "16"], ticks.Where(t => t.Label is not null).Select(t => t.Label));
    }

    [Fact]
    public void ASliverOfADecadeIsLabelledInEvenSteps()
    {
        var ticks = LogAxisTicks.Place(Math.Log10(2.45), Math.Log10(2.81), powersOfTwo: false);

        Assert.Equal(["2.5", "2.6", "2.7", "2.8"], ticks.Where(t => t.Label is not null).Select(t => t.Label));
    }

    [Fact]
    public void EverySeriesOfALargeSweepLooksDifferent()
    {
        // A sweep of nine families once drew the first and the ninth in the same blue.
        var looks = Enumerable.Range(0, 24).Select(FigureStyle.Series).ToList();

        Assert.Equal(looks.Count, looks.Distinct().Count());
        Assert.Equal(looks.Count, looks.Select(l => (l.Color, l.Marker)).Distinct().Count());
        Assert.Equal(looks.Count, looks.Select(l => (l.Color, l.Pattern)).Distinct().Count());
    }

    private static List<string> LegendTexts(Plot plot) =>
        plot.GetPlottables().SelectMany(p => p.LegendItems).Select(i => i.LabelText)
            .Where(t => !string.IsNullOrEmpty(t)).ToList();

    /// <summary>The bottom axis's labels as drawn: a manual tick generator lists its ticks once rendered.</summary>
    private static List<string> AxisLabels(Plot plot)
    {
        plot.GetImageBytes(1400, 700, ImageFormat.Png);
        return plot.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => t.Label).ToList();
    }

    /// <summary>The twelve units of a real sweep (random-fourier, place-cells and the shuffled trained network at
    /// d = 4 and 16, seeds 0 and 1, on Stensola et al. 2012 session BEN): participation ratio and median r_norm as
    /// its sweep.csv holds them, rounded to four digits.</summary>
    private static List<SummaryRow> RealSweepRows()
    {
        (string Family, int D, int Seed, double Pr, double Score)[] units =
        [
            ("random-fourier", 4, 0, 2.5369, 0.1803), ("random-fourier", 4, 1, 3.8795, 0.1597),
            ("random-fourier", 16, 0, 8.4273, 0.3460), ("random-fourier", 16, 1, 9.8460, 0.3340),
            ("place-cells", 4, 0, 3.7170, 0.1590), ("place-cells", 4, 1, 3.1621, 0.1535),
            ("place-cells", 16, 0, 9.0625, 0.3817), ("place-cells", 16, 1, 7.8002, 0.3442),
            ("shuffled", 4, 0, 2.5113, -0.0167), ("shuffled", 4, 1, 2.5000, -0.0105),
            ("shuffled", 16, 0, 2.7562, 0.0061), ("shuffled", 16, 1, 2.7453, -0.0102),
        ];
        return units.Select(u => new SummaryRow
        {
            Unit = $"{u.Family}__d{u.D}__s{u.Seed}", Family = u.Family, NominalD = u.D, UnitSeed = u.Seed,
            Model = u.Family, ParticipationRatio = u.Pr, MedianRNorm = u.Score,
        }).ToList();
    }
}
