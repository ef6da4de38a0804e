namespace NeuralPredictivity.Regression.Tests;

public sealed class ParticipationRatioTests
{
    // Eigenvalues come from an SVD in float64: relative error ~1e-15 per value; 1e-9 is generous.
    private const double Tolerance = 1e-9;

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    public void OrthogonalEqualVarianceFeaturesHaveParticipationRatioD(int d)
    {
        // Columns 1..d of the 16 × 16 Sylvester–Hadamard matrix H[i, j] = (−1)^popcount(i & j):
        // each is centred, all are orthogonal, all have variance 16/15.
        var features = new double[16, d];
        for (var bin = 0; bin < 16; bin++)
        {
            for (var j = 0; j < d; j++)
            {
                features[bin, j] = int.PopCount(bin & (j + 1)) % 2 == 0 ? 1.0 : -1.0;
            }
        }

        var report = ParticipationRatio.Compute(features);

        Assert.Equal(d, report.ParticipationRatio, Tolerance);
    }

    [Fact]
    public void ConstantInputHasUndefinedParticipationRatio()
    {
        var features = new double[10, 3];
        for (var i = 0; i < 10; i++)
        {
            features[i, 0] = 2.5;
            features[i, 1] = -1;
            features[i, 2] = 7;
        }

        Assert.True(double.IsNaN(ParticipationRatio.Compute(features).ParticipationRatio));
    }

    [Fact]
    public void ConstantColumnsWithInexactMeansStillGiveUndefinedParticipationRatio()
    {
        var features = new double[12, 2];
        for (var i = 0; i < 12; i++)
        {
            features[i, 0] = 0.3;
            features[i, 1] = 0.1;
        }

        Assert.True(double.IsNaN(ParticipationRatio.Compute(features).ParticipationRatio));
    }

    [Fact]
    public void UnequalVariancesGiveTheClosedForm()
    {
        // Two orthogonal columns with variances 4 and 1: PR = (4 + 1)² / (16 + 1) = 25/17.
        var features = new double[4, 2] { { 2, 1 }, { -2, 1 }, { 2, -1 }, { -2, -1 } };

        var report = ParticipationRatio.Compute(features);

        Assert.Equal(25.0 / 17.0, report.ParticipationRatio, Tolerance);
        Assert.Equal(1, report.ComponentsFor80Percent);
        Assert.Equal(2, report.ComponentsFor90Percent);
    }
}

public sealed class ParticipationRatioGoldenTests
{
    [Fact]
    public void MatchesNumPyCovarianceEigenvalues()
    {
        var x = TestData.Matrix(TestData.Golden("participation_x.csv"));
        var expected = TestData.Matrix(TestData.Golden("participation_expected.csv"));

        var report = ParticipationRatio.Compute(x);

        // Eigenvalues of an 8 × 8 covariance from SVD vs eigvalsh: ~1e-15 relative each.
        Assert.Equal(expected[0, 0], report.ParticipationRatio, 1e-10);
        Assert.Equal((int)expected[0, 1], report.ComponentsFor80Percent);
        Assert.Equal((int)expected[0, 2], report.ComponentsFor90Percent);
    }
}

public sealed class ParticipationRatioValidationTests
{
    [Fact]
    public void NonFiniteInputIsRejectedWithItsPosition()
    {
        var features = new double[3, 2] { { 1, 2 }, { 3, double.NaN }, { 5, 6 } };

        var error = Assert.Throws<ArgumentException>(() => ParticipationRatio.Compute(features));

        Assert.Contains("features[1, 1] is NaN", error.Message, StringComparison.Ordinal);
    }
}
