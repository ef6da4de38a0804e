using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Baselines.Tests;

/// <summary>Uniform random points of an arena, as field centres and thresholds use them.</summary>
public sealed class ArenaSamplingTests
{
    private const int Draws = 4000;

    [Fact]
    public void CirclePointsFallInsideAndCoverTheRimAsOftenAsItsAreaAsks()
    {
        var arena = Arena.Circle(180, 40, -20);
        var random = SeededRandom.ForFeature(5, "arena-sampling-test", 0);

        var points = Enumerable.Range(0, Draws).Select(_ => arena.SamplePoint(random)).ToArray();

        Assert.All(points, p => Assert.True(arena.Contains(p.X, p.Y), $"({p.X}, {p.Y}) lies outside {arena}"));
        // Uniform over the disc: the outer ring r > R/√2 holds half the area. Binomial(4000, 0.5) has
        // SD ≈ 32 points; allow 5 SD either side.
        var outer = points.Count(p => Math.Pow(p.X - 40, 2) + Math.Pow(p.Y + 20, 2) > 90.0 * 90.0 / 2);
        Assert.InRange(outer, Draws / 2 - 160, Draws / 2 + 160);
    }

    [Fact]
    public void BoxPointsFallInsideAndSpreadOverBothSides()
    {
        var arena = Arena.Rectangle(100, 40, 10, 0);
        var random = SeededRandom.ForFeature(5, "arena-sampling-test", 1);

        var points = Enumerable.Range(0, Draws).Select(_ => arena.SamplePoint(random)).ToArray();

        Assert.All(points, p => Assert.True(arena.Contains(p.X, p.Y), $"({p.X}, {p.Y}) lies outside {arena}"));
        // Uniform on [−40, 60]: the east half x > 10 holds half the points (5 SD ≈ 160 points).
        Assert.InRange(points.Count(p => p.X > 10), Draws / 2 - 160, Draws / 2 + 160);
        Assert.InRange(points.Count(p => p.Y > 0), Draws / 2 - 160, Draws / 2 + 160);
    }
}
