using MathNet.Numerics.LinearAlgebra;
using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Baselines.Tests;

public sealed class TruncatedFeaturesTests
{
    // Leading components of well-separated spectra (eigenvalue gaps ≥ 10 % of λ₁) from a float64
    // symmetric eigensolver: score errors ~ ε·‖X‖·λ₁/gap ≈ 1e-13 of scores of size ~20; 1e-8 is generous.
    private const double ScoreTolerance = 1e-8;

    [Theory]
    [InlineData("pca_tall")]
    [InlineData("pca_wide")]
    public void PrincipalComponentScoresMatchScikitLearn(string name)
    {
        var input = GoldenFamilyTests.ReadMatrix(TestGrids.Golden(name + "_input.csv"));
        var expected = NormaliseSigns(GoldenFamilyTests.ReadMatrix(TestGrids.Golden(name + "_scores.csv")));
        var maps = OnLineGrid(input);

        var scores = TruncatedFeatures.PrincipalComponents(maps, 3);

        Assert.Equal(["PC1", "PC2", "PC3"], scores.ColumnIds);
        for (var bin = 0; bin < expected.GetLength(0); bin++)
        {
            for (var k = 0; k < 3; k++)
            {
                if (double.IsNaN(expected[bin, k]))
                {
                    Assert.True(double.IsNaN(scores.Values[bin, k]), $"bin {bin}: expected NaN");
                }
                else
                {
                    Assert.Equal(expected[bin, k], scores.Values[bin, k], ScoreTolerance);
                }
            }
        }
    }

    [Theory]
    [InlineData("pca_tall")]
    [InlineData("pca_wide")]
    public void PrincipalSubspaceMatchesScikitLearnsInverseTransform(string name)
    {
        // Same spectra as the scores; the projection U_d U_dᵀ X has no sign ambiguity. Values ~20, error ~1e-12.
        var input = GoldenFamilyTests.ReadMatrix(TestGrids.Golden(name + "_input.csv"));
        var expected = GoldenFamilyTests.ReadMatrix(TestGrids.Golden(name + "_projection.csv"));
        var maps = OnLineGrid(input);

        var projected = TruncatedFeatures.PrincipalSubspace(maps, 3);

        Assert.Equal(maps.ColumnIds, projected.ColumnIds);
        Assert.Equal(expected.GetLength(1), projected.ColumnCount);
        for (var bin = 0; bin < expected.GetLength(0); bin++)
        {
            for (var unit = 0; unit < expected.GetLength(1); unit++)
            {
                if (double.IsNaN(expected[bin, unit]))
                {
                    Assert.True(double.IsNaN(projected.Values[bin, unit]), $"bin {bin}: expected NaN");
                }
                else
                {
                    Assert.Equal(expected[bin, unit], projected.Values[bin, unit], ScoreTolerance);
                }
            }
        }
    }

    [Fact]
    public void PrincipalSubspaceOfEveryComponentIsTheMapItself()
    {
        var model = BaselineFamilies.Generate(
            "random-fourier:d=40,seed=2", TestGrids.StensolaGrid, TestGrids.StensolaArena).Maps;

        var projected = TruncatedFeatures.PrincipalSubspace(model, 40);
        var onFewBins = TruncatedFeatures.PrincipalSubspace(OnLineGrid(Rows(model, 30)), 40);
        var truncated = TruncatedFeatures.PrincipalSubspace(model, 10);

        for (var bin = 0; bin < model.BinCount; bin += 7)
        {
            for (var unit = 0; unit < 40; unit++)
            {
                Assert.Equal(model.Values[bin, unit], projected.Values[bin, unit], 1e-9);
            }
        }

        // 30 bins: rank 29 < 40 units, so every component is kept and the map comes back.
        var few = Rows(model, 30);
        for (var bin = 0; bin < 30; bin++)
        {
            for (var unit = 0; unit < 40; unit++)
            {
                Assert.Equal(few[bin, unit], onFewBins.Values[bin, unit], 1e-9);
            }
        }

        // Rank 10 in unit coordinates: the same participation ratio as the 10 component scores.
        var spec = BaselineSpec.Parse("random-fourier");
        Assert.Equal(BaselineMaps.Measure(spec, TruncatedFeatures.PrincipalComponents(model, 10)).ParticipationRatio,
            BaselineMaps.Measure(spec, truncated).ParticipationRatio, 1e-9);
    }

    [Fact]
    public void SilentUnitsStayExactlyConstantInThePrincipalSubspace()
    {
        // A ReLU network's silent unit is exactly constant; its projection must be too, or column
        // standardisation would turn ~1e-16 rounding noise into a unit-variance feature.
        var model = BaselineFamilies.Generate(
            "random-fourier:d=12,seed=5", TestGrids.StensolaGrid, TestGrids.StensolaArena).Maps;
        var values = (double[,])model.Values.Clone();
        for (var bin = 0; bin < model.BinCount; bin++)
        {
            values[bin, 3] = 0.25;
        }

        var projected = TruncatedFeatures.PrincipalSubspace(new SpatialMaps(model.Grid, values, model.ColumnIds), 5);

        Assert.All(projected.Column(3), v => Assert.Equal(0.25, v));
        Assert.True(projected.Column(4).Distinct().Count() > 100);
    }

    [Fact]
    public void ProjectionOnTopComponentsHasTheTruncatedSpectrumsParticipationRatio()
    {
        var model = BaselineFamilies.Generate(
            "grid-cells:d=300,seed=4", TestGrids.HaftingGrid, TestGrids.HaftingArena).Maps;
        var (rows, _) = BaselineMaps.DefinedRows(model);
        // Covariance eigenvalues from MathNet's symmetric eigensolver, an implementation independent of torch.
        var x = Matrix<double>.Build.DenseOfArray(rows);
        var centred = x - Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount, (_, j) => x.Column(j).Average());
        var eigenvalues = centred.TransposeThisAndMultiply(centred).Evd(Symmetricity.Symmetric)
            .EigenValues.Select(l => l.Real).OrderDescending().ToArray();

        var projected = BaselineMaps.Measure(
            BaselineSpec.Parse("grid-cells"), TruncatedFeatures.PrincipalComponents(model, 20));

        var top = eigenvalues.Take(20).ToArray();
        var expected = top.Sum() * top.Sum() / top.Sum(l => l * l);
        Assert.Equal(expected, projected.ParticipationRatio, 1e-9 * expected);
        Assert.Equal(model.FiniteBins(), projected.Maps.FiniteBins());
    }

    [Fact]
    public void RandomUnitsAreDistinctOrderedAndSeeded()
    {
        var model = BaselineFamilies.Generate(
            "place-cells:d=100,seed=1", TestGrids.StensolaGrid, TestGrids.StensolaArena).Maps;

        var first = TruncatedFeatures.RandomUnits(model, 10, 7);
        var again = TruncatedFeatures.RandomUnits(model, 10, 7);
        var other = TruncatedFeatures.RandomUnits(model, 10, 8);
        var all = TruncatedFeatures.RandomUnits(model, 100, 7);

        Assert.Equal(first.ColumnIds, again.ColumnIds);
        Assert.NotEqual(first.ColumnIds, other.ColumnIds);
        Assert.Equal(10, first.ColumnIds.Distinct().Count());
        var indices = first.ColumnIds.Select(id => model.ColumnIds.ToList().IndexOf(id)).ToArray();
        Assert.Equal(indices.Order(), indices);
        for (var j = 0; j < 10; j++)
        {
            Assert.Equal(model.Column(indices[j]), first.Column(j));
        }

        Assert.Equal(model.ColumnIds, all.ColumnIds);
    }

    [Fact]
    public void RandomUnitsCoverEveryUnitAlikeOverSeeds()
    {
        // 2,000 draws of 5 of 20 units: each unit is picked with p = 1/4, count 500 ± √(2000·¼·¾) ≈ 19; 5 SD.
        var model = BaselineFamilies.Generate(
            "place-cells:d=20,seed=1", TestGrids.StensolaGrid, TestGrids.StensolaArena).Maps;
        var counts = model.ColumnIds.ToDictionary(id => id, _ => 0);

        for (var seed = 0; seed < 2000; seed++)
        {
            foreach (var id in TruncatedFeatures.RandomUnits(model, 5, seed).ColumnIds)
            {
                counts[id]++;
            }
        }

        Assert.All(counts.Values, c => Assert.InRange(c, 500 - 97, 500 + 97));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void DimensionOutsideTheMapIsRejected(int d)
    {
        var model = BaselineFamilies.Generate(
            "place-cells:d=100,seed=1", TestGrids.StensolaGrid, TestGrids.StensolaArena).Maps;

        var pca = Assert.Throws<ArgumentOutOfRangeException>(() => TruncatedFeatures.PrincipalComponents(model, d));
        var subspace = Assert.Throws<ArgumentOutOfRangeException>(() => TruncatedFeatures.PrincipalSubspace(model, d));
        var units = Assert.Throws<ArgumentOutOfRangeException>(() => TruncatedFeatures.RandomUnits(model, d, 0));

        Assert.Contains("d must lie in 1…100 (the map has 100 units and 900 bins", pca.Message);
        Assert.Contains("d must lie in 1…100 (the map's units)", subspace.Message);
        Assert.Contains("d must lie in 1…100 (the map's units)", units.Message);
    }

    private static double[,] Rows(SpatialMaps maps, int count)
    {
        var (rows, _) = BaselineMaps.DefinedRows(maps);
        var result = new double[count, maps.ColumnCount];
        Array.Copy(rows, result, result.Length);
        return result;
    }

    private static SpatialMaps OnLineGrid(double[,] values)
    {
        var grid = new SpatialGrid(
            Enumerable.Range(0, values.GetLength(0) + 1).Select(i => (double)i).ToArray(), [0.0, 1.0]);
        return new SpatialMaps(grid, values, Enumerable.Range(0, values.GetLength(1)).Select(j => $"u{j}").ToArray());
    }

    private static double[,] NormaliseSigns(double[,] scores)
    {
        for (var k = 0; k < scores.GetLength(1); k++)
        {
            var peak = 0.0;
            for (var bin = 0; bin < scores.GetLength(0); bin++)
            {
                if (double.IsFinite(scores[bin, k]) && Math.Abs(scores[bin, k]) > Math.Abs(peak))
                {
                    peak = scores[bin, k];
                }
            }

            for (var bin = 0; bin < scores.GetLength(0); bin++)
            {
                scores[bin, k] *= Math.Sign(peak);
            }
        }

        return scores;
    }
}
