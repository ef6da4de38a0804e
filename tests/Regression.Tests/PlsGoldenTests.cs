namespace NeuralPredictivity.Regression.Tests;

/// <summary>PlsRegression against scikit-learn PLSRegression iterated to machine precision.</summary>
public sealed class PlsGoldenTests
{
    // The reference (NIPALS, tol = 0, 20000 iterations) and an exact-SVD PLS2 agree to < 1e-10 in
    // the generator; well-conditioned O(1) data leave ~1e-13 between exact algorithms. The issue
    // asks for 1e-8, which still rejects default-tolerance NIPALS (errors ~1e-3).
    private const double RelTol = 1e-8;
    private const double AbsTol = 1e-8;

    [Theory]
    [InlineData("tall", 4, true)]
    [InlineData("tall", 4, false)]
    [InlineData("single", 3, true)]
    [InlineData("single", 3, false)]
    [InlineData("wide", 5, true)]
    [InlineData("wide", 5, false)]
    public void PredictionsMatchConvergedScikitLearn(string name, int components, bool scale)
    {
        var x = TestData.Matrix(TestData.Golden($"pls_{name}_x.csv"));
        var y = TestData.Matrix(TestData.Golden($"pls_{name}_y.csv"));
        var trainCount = name == "wide" ? 12 : 30;
        var testCount = x.GetLength(0) - trainCount;
        var pls = new PlsRegression(new PlsOptions { ComponentCount = components, Scale = scale });

        var (predictions, used) = pls.FitPredict(
            TestData.Rows(x, 0, trainCount), TestData.Rows(y, 0, trainCount), TestData.Rows(x, trainCount, testCount));

        Assert.Equal(components, used);
        var file = $"pls_{name}_predictions_scale_{(scale ? "true" : "false")}.csv";
        TestData.AssertClose(TestData.Matrix(TestData.Golden(file)), predictions, RelTol, AbsTol);
    }

    [Fact]
    public void PerNeuronComponentCountByInnerCvMatchesScikitLearnBruteForce()
    {
        var x = TestData.Matrix(TestData.Golden("pls_cv_x.csv"));
        var y = TestData.Matrix(TestData.Golden("pls_cv_y.csv"));
        var method = new PlsRegression(new PlsOptions
        {
            ComponentCandidates = [1, 2, 3, 4, 5],
            InnerFolds = new ContiguousKFold(3),
        });

        var result = CrossValidation.Evaluate(
            x, y, BinLayout.Sequence(30), TestData.Folds(TestData.Golden("pls_cv_folds.csv")), method);

        var chosen = TestData.Matrix(TestData.Golden("pls_cv_chosen_components.csv"));
        for (var f = 0; f < result.Folds.Count; f++)
        {
            for (var j = 0; j < result.NeuronCount; j++)
            {
                Assert.Equal(chosen[f, j], result.Folds[f].Hyperparameters.Values[j]);
            }
        }

        TestData.AssertClose(
            TestData.Matrix(TestData.Golden("pls_cv_predictions.csv")), TestData.Assemble(result), RelTol, AbsTol);
    }
}
