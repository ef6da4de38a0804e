using System.Globalization;

namespace NeuralPredictivity.Models.Tests;

public sealed class GridScoresTests
{
    // Autocorrelogram values are Pearson r over ≤ 576 pairs in float64, computed by the same
    // definition in NumPy: rounding differs by ~n·ε ≈ 1e-13; rotations and ring correlations add a
    // few more operations per value, so 1e-9 is far above rounding and far below any real change.
    private const double GoldenTol = 1e-9;

    private static readonly int[] Angles = [30, 45, 60, 90, 120, 135, 150];

    [Fact]
    public void HexagonalLatticeHasItsKnownScores()
    {
        var map = LatticeMap(hexagonal: true);

        var score = GridScores.Compute(map, 24, 24);

        // Analytically an ideal hexagonal lattice is unchanged by a 60° turn: r60 = r120 = 1 up to
        // interpolation error.
        Assert.True(score.Correlations[60] > 0.99 && score.Correlations[120] > 0.99);
        AssertGolden("hex", score);
    }

    [Fact]
    public void SquareLatticeScoresHighAtNinetyAndLowAtSixty()
    {
        var map = LatticeMap(hexagonal: false);

        var score = GridScores.Compute(map, 24, 24);

        Assert.True(score.Score90 > 1.0, $"90° score {score.Score90}");
        Assert.True(score.Score60 < 0, $"60° score {score.Score60}");
        AssertGolden("square", score);
    }

    [Fact]
    public void AutocorrelogramMatchesNumPyAndSkipsUnvisitedBins()
    {
        var map = LatticeMap(hexagonal: true);

        var sac = GridScores.Autocorrelogram(map, 24, 24);

        Assert.Equal(47, sac.GetLength(0));
        foreach (var row in
            RepositoryFiles.CsvRows(RepositoryFiles.Golden("gridscores", "hex_autocorrelogram_lags.csv")))
        {
            var (dy, dx) = (
                int.Parse(row[0], CultureInfo.InvariantCulture), int.Parse(row[1], CultureInfo.InvariantCulture));
            AssertClose(Parse(row[2]), sac[dy + 23, dx + 23], $"lag ({dy}, {dx})");
        }
    }

    [Fact]
    public void ConstantMapHasUndefinedScores()
    {
        var map = Enumerable.Repeat(3.0, 20 * 20).ToArray();

        var score = GridScores.Compute(map, 20, 20);

        Assert.True(double.IsNaN(score.Score60));
        Assert.True(double.IsNaN(score.Score90));
    }

    [Fact]
    public void HaftingGridCellsAllScoreAsGridCellsAndMatchNumPy()
    {
        var (ids, maps) = HaftingRateMaps.Load(RepositoryFiles.Recording("hafting2005_fig2c_trial1.h5"), sigmaBins: 1);

        var scores = maps.Select(m => GridScores.Compute(m, HaftingRateMaps.Bins, HaftingRateMaps.Bins)).ToArray();

        Assert.Equal(7, ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            Assert.True(scores[i].Score60 > 0.15, $"{ids[i]}: 60° score {scores[i].Score60}");
            AssertGolden("hafting2005_fig2c_trial1/" + ids[i], scores[i]);
        }
    }

    /// <summary>The lattice of generate.py: 24 × 24 bins of 5 cm, spacing 40 cm, 7°, NaN outside 58 cm.</summary>
    internal static double[] LatticeMap(bool hexagonal)
    {
        const int n = 24;
        const double binCm = 5, spacing = 40, orientation = 7, radius = 58;
        var k = hexagonal ? 4 * Math.PI / (Math.Sqrt(3) * spacing) : 2 * Math.PI / spacing;
        int[] directions = hexagonal ? [0, 60, 120] : [0, 90];
        var map = new double[n * n];
        for (var row = 0; row < n; row++)
        {
            for (var column = 0; column < n; column++)
            {
                var (x, y) = ((column - (n - 1) / 2.0) * binCm, (row - (n - 1) / 2.0) * binCm);
                var value = directions.Sum(d =>
                {
                    var a = (d + orientation) * Math.PI / 180;
                    return Math.Cos(k * (x * Math.Cos(a) + y * Math.Sin(a)));
                });
                map[row * n + column] = x * x + y * y > radius * radius ? double.NaN : value;
            }
        }

        return map;
    }

    private static void AssertGolden(string name, GridScore score)
    {
        var row = RepositoryFiles.CsvRows(RepositoryFiles.Golden("gridscores", "expected_scores.csv"))
            .Single(r => r[0] == name);
        AssertClose(Parse(row[1]), score.Score60, name + " score60");
        AssertClose(Parse(row[2]), score.Score90, name + " score90");
        AssertClose(Parse(row[3]), score.OuterRadius60, name + " outer60");
        AssertClose(Parse(row[4]), score.OuterRadius90, name + " outer90");
        for (var a = 0; a < Angles.Length; a++)
        {
            AssertClose(Parse(row[5 + a]), score.Correlations[Angles[a]], $"{name} r{Angles[a]}");
        }
    }

    private static double Parse(string text) =>
        text == "nan" ? double.NaN : double.Parse(text, CultureInfo.InvariantCulture);

    private static void AssertClose(double expected, double actual, string what)
    {
        if (double.IsNaN(expected))
        {
            Assert.True(double.IsNaN(actual), $"{what}: expected NaN, got {actual}");
            return;
        }

        Assert.True(Math.Abs(actual - expected) <= GoldenTol + GoldenTol * Math.Abs(expected),
            $"{what}: expected {expected:R}, got {actual:R}");
    }
}
