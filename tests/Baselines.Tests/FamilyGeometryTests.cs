using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Baselines.Tests;

/// <summary>Each family has the shape it claims: hexagonal grids, round place fields, plane waves.</summary>
public sealed class FamilyGeometryTests
{
    // Closed-form identities evaluated in double: a few ulps of O(1) values.
    private const double Exact = 1e-12;

    [Theory]
    [InlineData(40.0, 0.0)]
    [InlineData(56.8, 0.7)]
    [InlineData(114.5, 1.01)]
    public void GridCellIsPeriodicOnAHexagonalLatticeAndSymmetricUnderSixtyDegreeRotation(double spacing, double theta)
    {
        var cell = GridCell.Create(spacing, theta, 0.3, 0.6);
        var random = SeededRandom.ForFeature(0, "test", 0);

        for (var i = 0; i < 200; i++)
        {
            var (x, y) = (random.NextUniform(-100, 100), random.NextUniform(-100, 100));
            var (dx, dy) = (x - cell.PhaseX, y - cell.PhaseY);
            var rate = cell.Rate(x, y);
            for (var k = 0; k < 6; k++)
            {
                // Translation by each of the six lattice vectors of length λ at θ + 30° + k·60°.
                var a = theta + Math.PI / 6 + k * Math.PI / 3;
                Assert.Equal(rate, cell.Rate(x + spacing * Math.Cos(a), y + spacing * Math.Sin(a)), Exact);

                // Rotation by k·60° about a field centre.
                var r = k * Math.PI / 3;
                var (rx, ry) = (dx * Math.Cos(r) - dy * Math.Sin(r), dx * Math.Sin(r) + dy * Math.Cos(r));
                Assert.Equal(rate, cell.Rate(cell.PhaseX + rx, cell.PhaseY + ry), Exact);
            }
        }

        Assert.Equal(1.0, cell.Rate(cell.PhaseX, cell.PhaseY), Exact);
    }

    [Fact]
    public void GridCellModulesFollowTheSpacingRatio()
    {
        // Cell j belongs to module j mod 3 with spacing 30·1.5^m cm. Near a field centre the rate falls as
        // 1 − (κr)²/6, so bins above 0.99 lie within 0.034 λ of a centre; the nearest such bin more than
        // 10 cm away from the central field belongs to a neighbouring field, λ away to within
        // 0.034 λ + one bin diagonal (1.5 cm).
        var grid = SpatialGrid.Centred(0, 0, 300, 300, 1);
        var maps = BaselineFamilies.Generate(
            "grid-cells:d=3,spacing=30cm,modules=3,ratio=1.5,seed=1", grid, Arena.Square(300)).Maps;

        double[] expected = [30, 45, 67.5];
        for (var j = 0; j < 3; j++)
        {
            var peaks = Enumerable.Range(0, grid.BinCount).Where(b => maps.Values[b, j] >= 0.99)
                .Select(grid.BinCentre).ToArray();
            var centre = peaks.MinBy(p => p.X * p.X + p.Y * p.Y);
            var neighbour = peaks.Select(p => Math.Sqrt(Math.Pow(p.X - centre.X, 2) + Math.Pow(p.Y - centre.Y, 2)))
                .Where(d => d > 10).Min();

            Assert.Equal(expected[j], neighbour, 0.034 * expected[j] + 1.5);
        }
    }

    [Fact]
    public void GaussianPlaceFieldIsRoundWithWidthSigma()
    {
        // One field on a fine grid: value e^{−1/2} at distance σ in every direction from its peak bin.
        var grid = SpatialGrid.Centred(0, 0, 150, 150, 0.5);
        var maps = BaselineFamilies.Generate(
            "place-cells:d=1,width=10cm,seed=2", grid, Arena.Square(150)).Maps;
        var column = maps.Column(0);
        var peak = Array.IndexOf(column, column.Max());
        var (cx, cy) = grid.BinCentre(peak);

        for (var angle = 0.0; angle < 2 * Math.PI; angle += Math.PI / 8)
        {
            var bin = grid.BinIndex(cx + 10 * Math.Cos(angle), cy + 10 * Math.Sin(angle));
            if (bin >= 0)
            {
                // The bin centre is within 0.36 cm of the ring (half a bin diagonal), and df/dr at σ is
                // −e^{−1/2}/σ ≈ −0.061 per cm: |f − e^{−1/2}| ≤ 0.022.
                Assert.Equal(Math.Exp(-0.5), column[bin], 0.022);
            }
        }
    }

    [Fact]
    public void DifferenceOfGaussiansHasANegativeSurroundAndUnitPeak()
    {
        var grid = SpatialGrid.Centred(0, 0, 150, 150, 1);
        var maps = BaselineFamilies.Generate(
            "place-cells:d=1,width=8cm,profile=dog,surround=2,seed=3", grid, Arena.Square(150)).Maps;
        var column = maps.Column(0);

        // Peak 1 at the centre; minimum of the surround, at r² = 2σ²·s²·ln(s²)·… , is below zero.
        Assert.InRange(column.Max(), 0.99, 1.0 + Exact);
        Assert.True(column.Min() < -0.05, $"surround minimum {column.Min()} is not negative");
    }

    [Fact]
    public void RandomFourierFeaturesApproximateTheGaussianKernel()
    {
        // (1/d) Σ_j f_j(p) f_j(q) → exp(−‖p − q‖²/2ℓ²). Each term 2cos(a)cos(b) has
        // variance ≤ 2 (≈ 1), so the mean over d = 4096 has SE ≤ √(2/4096) ≈ 0.022; allow 4 SE.
        var maps = BaselineFamilies.Generate(
            "random-fourier:d=4096,lengthscale=20cm,seed=1", TestGrids.StensolaGrid, TestGrids.StensolaArena).Maps;
        var grid = TestGrids.StensolaGrid;
        int[] pairs = [0, 1, 31, 465, 899];

        foreach (var p in pairs)
        {
            foreach (var q in pairs)
            {
                var (px, py) = grid.BinCentre(p);
                var (qx, qy) = grid.BinCentre(q);
                var kernel = Math.Exp(-((px - qx) * (px - qx) + (py - qy) * (py - qy)) / (2 * 20.0 * 20.0));
                var estimate = 0.0;
                for (var j = 0; j < 4096; j++)
                {
                    estimate += maps.Values[p, j] * maps.Values[q, j] / 4096;
                }

                Assert.Equal(kernel, estimate, 0.088);
            }
        }
    }

    [Fact]
    public void RandomFourierFeatureIsAPlaneWave()
    {
        // With the feature's own draw of ω, a plane wave √2·cos(ω·p + φ) is exactly
        // a·cos(ω·p) + b·sin(ω·p) with a² + b² = 2: a least-squares fit on the two columns
        // leaves no residual.
        var random = SeededRandom.ForFeature(5, "random-fourier", 0);
        var (wx, wy) = (random.NextGaussian() / 20, random.NextGaussian() / 20);
        var grid = TestGrids.StensolaGrid;
        var column = BaselineFamilies.Generate(
            "random-fourier:d=1,lengthscale=20cm,seed=5", grid, TestGrids.StensolaArena).Maps.Column(0);
        var phases = Enumerable.Range(0, grid.BinCount)
            .Select(b => wx * grid.BinCentre(b).X + wy * grid.BinCentre(b).Y).ToArray();

        var (a, b) = FitCosSin(column, phases);

        for (var bin = 0; bin < grid.BinCount; bin++)
        {
            Assert.Equal(column[bin], a * Math.Cos(phases[bin]) + b * Math.Sin(phases[bin]), 1e-9);
        }

        Assert.Equal(2.0, a * a + b * b, 1e-9);
    }

    [Fact]
    public void RandomReluFeaturesAreRectifiedWithTheirKinkInsideTheArena()
    {
        foreach (var input in new[] { "place", "position" })
        {
            var maps = BaselineFamilies.Generate(
                $"random-relu:d=256,input={input},seed=2", TestGrids.StensolaGrid, TestGrids.StensolaArena).Maps;

            var crossing = 0;
            for (var j = 0; j < 256; j++)
            {
                var column = maps.Column(j);
                Assert.All(column, v => Assert.True(v >= 0));
                crossing += column.Any(v => v == 0) && column.Any(v => v > 0) ? 1 : 0;
            }

            // The threshold is the projection at a random arena point, so almost every feature is
            // silent in part of the box and active in another.
            Assert.True(crossing >= 240, $"{input}: only {crossing} of 256 features cross their threshold");
        }
    }

    private static (double A, double B) FitCosSin(double[] values, double[] phases)
    {
        double cc = 0, ss = 0, cs = 0, vc = 0, vs = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var (c, s) = (Math.Cos(phases[i]), Math.Sin(phases[i]));
            (cc, ss, cs, vc, vs) = (cc + c * c, ss + s * s, cs + c * s, vc + values[i] * c, vs + values[i] * s);
        }

        var det = cc * ss - cs * cs;
        return ((vc * ss - vs * cs) / det, (vs * cc - vc * cs) / det);
    }
}
