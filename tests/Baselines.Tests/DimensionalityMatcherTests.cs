namespace NeuralPredictivity.Baselines.Tests;

public sealed class DimensionalityMatcherTests
{
    private readonly DimensionalityMatcher _matcher = new();

    [Theory]
    [InlineData("random-fourier:d=256,seed=1", 12.0)]
    [InlineData("random-fourier:d=256,seed=1", 60.0)]
    [InlineData("place-cells:d=256,seed=2", 30.0)]
    [InlineData("place-cells:d=128,profile=dog,seed=2", 20.0)]
    [InlineData("grid-cells:d=256,seed=3", 25.0)]
    [InlineData("random-relu:d=128,seed=4", 15.0)]
    [InlineData("shuffled:place-cells:d=256,seed=2", 30.0)]
    public void ShapeParameterMatchLandsWithinTheDefaultToleranceAndKeepsD(string text, double target)
    {
        var spec = BaselineSpec.Parse(text);

        var match = _matcher.Match(spec, target, TestGrids.StensolaGrid, TestGrids.StensolaArena);

        Assert.True(match.WithinTolerance, $"{match.Spec}: PR {match.AchievedParticipationRatio} for target {target}");
        Assert.InRange(Math.Abs(match.AchievedParticipationRatio - target), 0, 0.01 * target);
        Assert.Equal(spec.Dimension, match.Spec.Dimension);
        Assert.Equal(spec.Seed, match.Spec.Seed);
        Assert.Equal(spec.Family, match.Spec.Family);
        Assert.NotEqual("d", match.Parameter);

        // The reported map is the spec's map: regenerating it gives the same ratio.
        var again = BaselineFamilies.Generate(match.Spec, TestGrids.StensolaGrid, TestGrids.StensolaArena);
        Assert.Equal(match.AchievedParticipationRatio, again.ParticipationRatio);
    }

    [Theory]
    [InlineData("place-cells:seed=5", 20.0)]
    [InlineData("grid-cells:seed=5", 35.0)]
    public void DimensionMatchLandsWithinHalfAStepOfTheTarget(string text, double target)
    {
        var spec = BaselineSpec.Parse(text);

        var match = _matcher.Match(spec, target, TestGrids.StensolaGrid, TestGrids.StensolaArena, parameter: "d");

        // Integer d: the best reachable error is half the PR step between neighbouring d.
        var d = match.Spec.Dimension;
        var neighbours = new[] { d - 1, d + 1 }
            .Select(n => BaselineFamilies.Generate(
                spec.WithDimension(n), TestGrids.StensolaGrid, TestGrids.StensolaArena))
            .Select(m => m.ParticipationRatio).ToArray();
        var step = Math.Max(Math.Abs(neighbours[1] - match.AchievedParticipationRatio),
            Math.Abs(match.AchievedParticipationRatio - neighbours[0]));
        Assert.True(
            match.WithinTolerance || Math.Abs(match.AchievedParticipationRatio - target) <= step / 2,
            $"d = {d}: PR {match.AchievedParticipationRatio} for target {target}, step {step}");
        Assert.Equal("d", match.Parameter);
    }

    [Fact]
    public void MatchOnTheVisitedBinsReachesTheTargetThereAndReportsThatParticipationRatio()
    {
        // BEN leaves 22 of 900 bins unvisited: the run measures PR on the other 878, and so must the match.
        var visited = RealRateMaps.Stensola(TestGrids.StensolaGrid).FiniteBins();
        var spec = BaselineSpec.Parse("random-fourier:d=128,seed=1");

        var match = _matcher.Match(
            spec, 15.0, TestGrids.StensolaGrid, TestGrids.StensolaArena, bins: visited);

        Assert.Equal(878, visited.Count(v => v));
        Assert.Equal(878, match.Result.DefinedBinCount);
        Assert.True(match.WithinTolerance, $"{match.Spec}: PR {match.AchievedParticipationRatio} for target 15");
        var (rows, _) = BaselineMaps.DefinedRows(match.Result.Maps, visited);
        Assert.Equal(
            Regression.ParticipationRatio.Compute(rows).ParticipationRatio, match.AchievedParticipationRatio);
        var onEveryBin = BaselineFamilies.Generate(match.Spec, TestGrids.StensolaGrid, TestGrids.StensolaArena);
        Assert.NotEqual(onEveryBin.ParticipationRatio, match.AchievedParticipationRatio);
    }

    [Fact]
    public void BinMaskOfAnotherGridIsRefused()
    {
        var spec = BaselineSpec.Parse("random-fourier:d=8,seed=1");

        var error = Assert.Throws<ArgumentException>(() => _matcher.Match(
            spec, 4.0, TestGrids.StensolaGrid, TestGrids.StensolaArena, bins: new bool[899]));

        Assert.Contains("899 entries", error.Message, StringComparison.Ordinal);
        Assert.Contains("900 bins", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnreachableTargetReturnsTheClosestScannedMapAndSaysSo()
    {
        // 16 features cannot have a participation ratio of 40: the scan of 1–1000 cm (19 widths) is all
        // the search does, and the widest-spread map it saw is returned.
        var spec = BaselineSpec.Parse("place-cells:d=16,seed=1");

        var match = _matcher.Match(spec, 40, TestGrids.StensolaGrid, TestGrids.StensolaArena);

        Assert.False(match.WithinTolerance);
        Assert.True(match.ReachableMaximum <= 16);
        // The search measures PR through the Gram shortcut, the result through the SVD: equal to ~1e-12.
        Assert.Equal(match.ReachableMaximum, match.AchievedParticipationRatio, 1e-9 * match.ReachableMaximum);
        Assert.Equal(19, match.Evaluations);
    }

    [Fact]
    public void TargetCrossedInsideTheRangeIsFoundWhenBothEndsLieBelowIt()
    {
        // PR of 16 place fields is low at both ends of 1–1000 cm (fields narrower than a 5 cm bin; fields
        // that all overlap) and high in between. A target below the peak but above both ends is reached
        // twice; the crossing kept is the one nearest the spec's 12 cm on a log scale, among fields
        // wider than a bin. A search that looked only at the ends returned 1 cm, 5 % off.
        var spec = BaselineSpec.Parse("place-cells:d=16,seed=2");
        var narrow = BaselineFamilies.Generate(
            spec.With("width", 1.0), TestGrids.StensolaGrid, TestGrids.StensolaArena);
        var wide = BaselineFamilies.Generate(
            spec.With("width", 1000.0), TestGrids.StensolaGrid, TestGrids.StensolaArena);
        var target = Math.Max(narrow.ParticipationRatio, wide.ParticipationRatio) * 1.1;

        var match = _matcher.Match(spec, target, TestGrids.StensolaGrid, TestGrids.StensolaArena);

        Assert.True(match.WithinTolerance, $"{match.Spec}: PR {match.AchievedParticipationRatio} for {target}");
        Assert.InRange((double)match.Spec.Get("width"), 5.0, 1000.0);
        Assert.True(match.ReachableMaximum > 2 * target, $"scan saw at most PR {match.ReachableMaximum}");
    }

    [Fact]
    public void ParameterThatCannotVaryIsRejectedWithTheOnesThatCan()
    {
        var spec = BaselineSpec.Parse("grid-cells");

        var error = Assert.Throws<ArgumentException>(
            () => _matcher.Match(spec, 10, TestGrids.StensolaGrid, TestGrids.StensolaArena, parameter: "ratio"));

        Assert.Contains("grid-cells: cannot match the participation ratio by varying 'ratio'", error.Message);
        Assert.Contains("parameters that can be varied: d, spacing", error.Message);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void TargetBelowOneIsRejected(double target)
    {
        var spec = BaselineSpec.Parse("grid-cells");

        Assert.Throws<ArgumentOutOfRangeException>(
            () => _matcher.Match(spec, target, TestGrids.StensolaGrid, TestGrids.StensolaArena));
    }
}
