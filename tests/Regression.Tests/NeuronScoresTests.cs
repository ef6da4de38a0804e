namespace NeuralPredictivity.Regression.Tests;

public sealed class NeuronScoresTests
{
    // n = 20 values of O(1): two-pass Pearson and R² in double precision err by ~1e-15.
    private const double ScoreAbsTol = 1e-12;

    [Fact]
    public void PearsonAndRSquaredMatchSciPyAndScikitLearn()
    {
        var actual = TestData.Matrix(TestData.Golden("scores_actual.csv"));
        var predicted = TestData.Matrix(TestData.Golden("scores_predicted.csv"));

        var r = NeuronScores.Pearson(predicted, actual);
        var r2 = NeuronScores.RSquared(predicted, actual);

        TestData.AssertClose(TestData.Row(TestData.Golden("scores_pearson.csv")), r, 0, ScoreAbsTol);
        TestData.AssertClose(TestData.Row(TestData.Golden("scores_r2.csv")), r2, 0, ScoreAbsTol);
    }

    [Fact]
    public void ConstantColumnIsDetectedByExactEqualityNotByVariance()
    {
        // Twelve 0.3s have a computed mean of 0.3 − 5.6e-17; a tiny-variance column is not constant.
        var actual = new double[12, 2];
        var predicted = new double[12, 2];
        for (var i = 0; i < 12; i++)
        {
            actual[i, 0] = 0.3;
            actual[i, 1] = 1 + i * 1e-15;
            predicted[i, 0] = i;
            predicted[i, 1] = i;
        }

        var r = NeuronScores.Pearson(predicted, actual, out var status);
        var r2 = NeuronScores.RSquared(predicted, actual);

        Assert.True(double.IsNaN(r[0]));
        Assert.Equal(ScoreStatus.ConstantResponse, status[0]);
        Assert.True(double.IsNaN(r2[0]));
        Assert.Equal(ScoreStatus.Defined, status[1]);
        Assert.True(r[1] > 0.99, $"r = {r[1]}");
    }

    [Fact]
    public void ShapeMismatchNamesBothShapes()
    {
        var error = Assert.Throws<ArgumentException>(() => NeuronScores.Pearson(new double[3, 2], new double[3, 4]));

        Assert.Contains("3 × 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("3 × 4", error.Message, StringComparison.Ordinal);
    }
}
