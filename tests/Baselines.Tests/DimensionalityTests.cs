using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Baselines.Tests;

/// <summary>Participation ratio as Baselines reports it: over the defined bins only.</summary>
public sealed class DimensionalityTests
{
    // PR from an SVD in float64 of O(1) data: relative error ~1e-14; 1e-9 is generous.
    private const double Tolerance = 1e-9;

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(16)]
    public void OrthogonalEqualVarianceFeaturesInsideACircleHavePrEqualToD(int d)
    {
        // Walsh functions on the first 64 defined bins (rows of a Sylvester–Hadamard matrix, all centred,
        // orthogonal, equal variance); every other bin inside the arena repeats the last value of a
        // balanced pair, so NaN bins outside the circle must be excluded for PR to come out exactly d.
        var grid = TestGrids.HaftingGrid;
        var defined = Enumerable.Range(0, grid.BinCount)
            .Where(b => TestGrids.HaftingArena.Contains(grid.BinCentre(b).X, grid.BinCentre(b).Y)).ToArray();
        var values = new double[grid.BinCount, d];
        for (var bin = 0; bin < grid.BinCount; bin++)
        {
            for (var j = 0; j < d; j++)
            {
                values[bin, j] = double.NaN;
            }
        }

        for (var i = 0; i < 64; i++)
        {
            for (var j = 0; j < d; j++)
            {
                values[defined[i], j] = int.PopCount(i & (j + 1)) % 2 == 0 ? 1 : -1;
            }
        }

        var maps = new SpatialMaps(grid, values, Enumerable.Range(0, d).Select(j => $"walsh{j}").ToArray());
        var report = BaselineMaps.Measure(BaselineSpec.Parse("place-cells"), maps);

        Assert.Equal(64, report.DefinedBinCount);
        Assert.Equal(d, report.ParticipationRatio, Tolerance);
    }

    [Theory]
    [InlineData("place-cells:d=64,seed=1")]
    [InlineData("grid-cells:d=128,seed=2")]
    public void ShufflingKeepsTheParticipationRatioExactly(string spec)
    {
        var original = BaselineFamilies.Generate(spec, TestGrids.HaftingGrid, TestGrids.HaftingArena);

        var shuffled = BaselineFamilies.Generate("shuffled:" + spec, TestGrids.HaftingGrid, TestGrids.HaftingArena);

        Assert.Equal(original.ParticipationRatio, shuffled.ParticipationRatio, Tolerance * original.ParticipationRatio);
        Assert.Equal(original.Dimensionality.ComponentsFor90Percent, shuffled.Dimensionality.ComponentsFor90Percent);
    }

    [Theory]
    [InlineData("random-fourier")]
    [InlineData("random-relu")]
    [InlineData("place-cells")]
    [InlineData("grid-cells")]
    public void ParticipationRatioGrowsWithDAndStaysBelowIt(string family)
    {
        var spec = BaselineSpec.Parse(family + ":seed=1");

        var pr = new[] { 8, 64, 512 }
            .Select(d => BaselineFamilies.Generate(
                spec.WithDimension(d), TestGrids.StensolaGrid, TestGrids.StensolaArena))
            .Select(m => m.ParticipationRatio).ToArray();

        Assert.InRange(pr[0], 1, 8);
        Assert.InRange(pr[1], pr[0], 64);
        Assert.InRange(pr[2], pr[1], 512);
    }

    [Theory]
    [InlineData("grid-cells:d=64,seed=1")]
    [InlineData("random-fourier:d=1500,seed=2")]
    public void GramShortcutAgreesWithTheRegressionParticipationRatio(string spec)
    {
        // (tr G)²/‖G‖²_F on the smaller Gram matrix equals (Σλ)²/Σλ² from the SVD; both are float64 sums of
        // ≤ 1,500 terms per entry: relative difference ≲ 1e-12, so 1e-9 is generous.
        var maps = BaselineFamilies.Generate(spec, TestGrids.HaftingGrid, TestGrids.HaftingArena);
        var (rows, _) = BaselineMaps.DefinedRows(maps.Maps);

        var shortcut = GramParticipationRatio.Compute(rows);

        Assert.Equal(maps.ParticipationRatio, shortcut, Tolerance * maps.ParticipationRatio);
    }
}
