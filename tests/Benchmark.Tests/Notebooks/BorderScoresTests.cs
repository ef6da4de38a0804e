using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Benchmark.Tests;

public sealed class BorderScoresTests
{
    // 100 cm box, 10 cm bins: bin centres sit 5, 15, ..., 95 cm from the west wall.
    private static readonly SpatialGrid Box = SpatialGrid.Centred(0, 0, 100, 100, 10);

    private static double[] Map(Func<int, int, double> rate) =>
        Enumerable.Range(0, Box.BinCount).Select(b =>
        {
            var (column, row) = Box.BinCoordinates(b);
            return rate(column, row);
        }).ToArray();

    [Fact]
    public void FieldAlongTheWestWallScoresByTheFormula()
    {
        var map = Map((column, _) => column <= 1 ? 10 : 1);

        var score = BorderScores.Compute(map, Box);

        // One field (columns 0–1, 20 bins, 2000 cm²) covers the whole west wall: c_M = 1. Distances to the
        // nearest wall: column 0 → 5 cm (10 bins); column 1 → 15 cm, except rows 0 and 9 → 5 cm.
        // d = (10·5 + 2·5 + 8·15) / 20 = 9 cm; d_m = 9 / 50 = 0.18; b = (1 − 0.18) / (1 + 0.18).
        // Sums of a few exact binary fractions: equal to rounding, 1e-15.
        Assert.Equal((1 - 0.18) / (1 + 0.18), score, 12);
        Assert.True(score > 0.5);
    }

    [Fact]
    public void FieldAwayFromEveryWallScoresMinusOne()
    {
        var map = Map((column, row) => column is 4 or 5 && row is 4 or 5 ? 8 : 0);

        Assert.Equal(-1, BorderScores.Compute(map, Box), 12);
    }

    [Fact]
    public void FieldSmallerThanTheMinimumAreaGivesNaN()
    {
        var map = Map((column, row) => column == 0 && row == 3 ? 8 : 0);

        Assert.True(double.IsNaN(BorderScores.Compute(map, Box)));
        Assert.False(double.IsNaN(BorderScores.Compute(map, Box, minimumFieldAreaCm2: 100)));
    }

    [Fact]
    public void UnvisitedWallBinsAreLeftOutOfTheCoverage()
    {
        // The west wall is visited in rows 0–4 only, and the field covers exactly those rows.
        var map = Map((column, row) => row >= 5 && column == 0 ? double.NaN : column == 0 && row < 5 ? 10 : 0);
        var unvisitedIgnored = BorderScores.Compute(map, Box);
        var halfVisited = Map((column, row) => column == 0 && row < 5 ? 10 : 0);

        var halfCovered = BorderScores.Compute(halfVisited, Box);

        // Field bins and weights are identical, so d_m is equal; only c_M differs (1 against 0.5).
        Assert.True(unvisitedIgnored > halfCovered);
        // Every field bin is 5 cm from the west wall: d_m = 5 / 50.
        var dm = 5.0 / 50;
        Assert.Equal((1 - dm) / (1 + dm), unvisitedIgnored, 12);
        Assert.Equal((0.5 - dm) / (0.5 + dm), halfCovered, 12);
    }

    [Fact]
    public void SilentOrUnvisitedMapsGiveNaN()
    {
        Assert.True(double.IsNaN(BorderScores.Compute(Map((_, _) => 0), Box)));
        Assert.True(double.IsNaN(BorderScores.Compute(Map((_, _) => double.NaN), Box)));
    }

    [Fact]
    public void EveryColumnOfASetOfMapsIsScored()
    {
        var west = Map((column, _) => column <= 1 ? 10 : 1);
        var centre = Map((column, row) => column is 4 or 5 && row is 4 or 5 ? 8 : 0);
        var values = new double[Box.BinCount, 2];
        for (var b = 0; b < Box.BinCount; b++)
        {
            (values[b, 0], values[b, 1]) = (west[b], centre[b]);
        }

        var scores = BorderScores.Compute(new SpatialMaps(Box, values, ["west", "centre"]));

        Assert.Equal(new[] { BorderScores.Compute(west, Box), -1.0 }, scores);
    }

    [Fact]
    public void BadArgumentsNameTheParameter()
    {
        var map = Map((_, _) => 1);

        Assert.Equal("map", Assert.Throws<ArgumentException>(() => BorderScores.Compute(map[..5], Box)).ParamName);
        Assert.Equal("fieldThreshold",
            Assert.Throws<ArgumentOutOfRangeException>(() => BorderScores.Compute(map, Box, 1.5)).ParamName);
    }
}
