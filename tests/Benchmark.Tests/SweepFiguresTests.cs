namespace NeuralPredictivity.Benchmark.Tests;

public sealed class SweepFiguresTests
{
    [Fact]
    public void LogLineFitRecoversAKnownSlopePerDecade()
    {
        double[] prs = [2, 20, 200, 2000];
        var scores = prs.Select(p => 0.3 + 0.125 * Math.Log10(p)).ToArray();

        var fit = SweepFigures.FitLogLine(prs, scores);

        // Exact data, four points: the normal equations are solved to rounding, ~1e-15.
        Assert.NotNull(fit);
        Assert.Equal(0.125, fit.Value.Slope, 12);
        Assert.Equal(0.3, fit.Value.Intercept, 12);
    }

    [Fact]
    public void LogLineFitNeedsTwoDistinctDimensionalities()
    {
        Assert.Null(SweepFigures.FitLogLine([5, 5], [0.1, 0.2]));
        Assert.Null(SweepFigures.FitLogLine([5, double.NaN], [0.1, 0.2]));
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
}
