using TorchSharp;
using static TorchSharp.torch;

namespace NeuralPredictivity.Regression.Tests;

/// <summary>The public failure cases 01, 02, 04, 05, 07 and 08 (tests/Regression.Tests/Cases).</summary>
public sealed class CaseTests
{
    // Each case's expected.json states its tolerance and why; the constants repeat them.
    private const double CaseCorrelationAbsTol = 1e-12;
    private const double CasePredictionAbsTol = 1e-8;
    private const double CaseMseRelTol = 1e-9;

    [Fact]
    public void Case01PearsonOfConstantNeuronOrPredictionIsNaNAndLeftOutOfTheSummary()
    {
        const string name = "01-pearson-constant-neuron";
        var expected = TestData.Json(TestData.Case(name, "expected.json")).GetProperty("expected");

        var r = NeuronScores.Pearson(
            TestData.Matrix(TestData.Case(name, "y_pred.csv")),
            TestData.Matrix(TestData.Case(name, "y_true.csv")),
            out var status);
        var summary = PredictivitySummary.Compute(r, null, PredictivityScale.Correlation);

        TestData.AssertClose(TestData.Numbers(expected.GetProperty("per_neuron_r")), r, 0, CaseCorrelationAbsTol);
        Assert.Equal(
            [ScoreStatus.Defined, ScoreStatus.ConstantResponse, ScoreStatus.ConstantPrediction,
                ScoreStatus.ConstantResponse, ScoreStatus.Defined],
            status);
        Assert.Equal(expected.GetProperty("n_valid").GetInt32(), summary.IncludedCount);
        Assert.Equal(3, summary.ExcludedUndefinedScore);
        Assert.Equal(
            expected.GetProperty("median_over_valid_neurons").GetDouble(), summary.Median, CaseCorrelationAbsTol);
    }

    [Fact]
    public void Case02SpearmanBrownGivesNoCeilingForNonPositiveOrUndefinedSplitHalfR()
    {
        const string name = "02-spearman-brown-nonpositive";
        var expected = TestData.Json(TestData.Case(name, "expected.json")).GetProperty("expected");
        var (values, shape) = TestData.Npy(TestData.Case(name, "trials.npy"));
        var (bins, neurons) = (shape[1], shape[2]);
        double At(int trial, int bin, int neuron) => values[(trial * bins + bin) * neurons + neuron];
        var (halfA, halfB) = (new double[bins, neurons], new double[bins, neurons]);
        for (var b = 0; b < bins; b++)
        {
            for (var j = 0; j < neurons; j++)
            {
                halfA[b, j] = (At(0, b, j) + At(2, b, j)) / 2;
                halfB[b, j] = (At(1, b, j) + At(3, b, j)) / 2;
            }
        }

        var splitHalf = NeuronScores.Pearson(halfA, halfB);
        var ceiling = SpearmanBrown.Correct(splitHalf);

        TestData.AssertClose(
            TestData.Numbers(expected.GetProperty("split_half_r")), splitHalf, 0, CaseCorrelationAbsTol);
        TestData.AssertClose(
            TestData.Numbers(expected.GetProperty("spearman_brown_ceiling")), ceiling, 0, CaseCorrelationAbsTol);
        var withoutCeiling = Enumerable.Range(0, neurons).Where(j => double.IsNaN(ceiling[j])).ToArray();
        Assert.Equal(
            expected.GetProperty("neurons_without_ceiling").EnumerateArray().Select(e => e.GetInt32()), withoutCeiling);
        var summary = PredictivitySummary.Compute(
            Enumerable.Repeat(0.5, neurons).ToArray(), ceiling, PredictivityScale.Correlation);
        Assert.Equal(4, summary.ExcludedWithoutCeiling);
        Assert.Equal(2, summary.IncludedCount);
    }

    [Fact]
    public void Case04PlsWithConstantFeatureAndSilentNeuronFitsAndIgnoresThem()
    {
        const string name = "04-pls-constant-columns";
        var expected = TestData.Json(TestData.Case(name, "expected.json")).GetProperty("expected");
        var (x, y, xTest) = (
            TestData.Matrix(TestData.Case(name, "X_train.csv")),
            TestData.Matrix(TestData.Case(name, "Y_train.csv")),
            TestData.Matrix(TestData.Case(name, "X_test.csv")));
        var pls = new PlsRegression(new PlsOptions { ComponentCount = 2, Scale = true });

        var (predictions, used) = pls.FitPredict(x, y, xTest);
        var (reduced, _) = pls.FitPredict(
            TestData.Columns(x, 0, 1, 2, 4, 5), TestData.Columns(y, 0, 1, 3), TestData.Columns(xTest, 0, 1, 2, 4, 5));

        Assert.Equal(2, used);
        TestData.AssertClose(
            TestData.NumberMatrix(expected.GetProperty("Y_test_pred")), predictions, 0, CasePredictionAbsTol);
        for (var i = 0; i < xTest.GetLength(0); i++)
        {
            Assert.Equal(0.0, predictions[i, 2]);
        }

        // Zero-variance columns have no influence: a fit without them agrees to rounding (case: 2.9e-15).
        TestData.AssertClose(reduced, TestData.Columns(predictions, 0, 1, 3), 0, 1e-9);
    }

    [Theory]
    [InlineData("X_rank3.csv", "Y.csv", 6, 5)]
    [InlineData("X_small.csv", "Y_small.csv", 5, 4)]
    public void Case05PlsRejectsMoreComponentsThanMinOfBinsAndFeatures(string xFile, string yFile, int asked, int bound)
    {
        const string name = "05-pls-n-components-bounds";
        var x = TestData.Matrix(TestData.Case(name, xFile));
        var y = TestData.Matrix(TestData.Case(name, yFile));
        var pls = new PlsRegression(new PlsOptions { ComponentCount = asked });

        var error = Assert.Throws<ArgumentException>(() => pls.FitPredict(x, y, x));

        Assert.Contains("ComponentCount", error.Message, StringComparison.Ordinal);
        Assert.Contains(
            $"{asked} components exceed min(training bins = {x.GetLength(0)}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"= {bound}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("X_rank3.csv", "Y.csv", 4, "pred_X_rank3_3_components_on_training_X")]
    [InlineData("X_rank3.csv", "Y.csv", 5, "pred_X_rank3_3_components_on_training_X")]
    [InlineData("X_small.csv", "Y_small.csv", 4, "pred_X_small_3_components_on_training_X")]
    [InlineData("X_rank3.csv", "Y.csv", 3, "pred_X_rank3_3_components_on_training_X")]
    public void Case05PlsStopsAtTheDataRankWithAWarning(string xFile, string yFile, int asked, string expectedKey)
    {
        const string name = "05-pls-n-components-bounds";
        var expected = TestData.Json(TestData.Case(name, "expected.json")).GetProperty("expected");
        var x = TestData.Matrix(TestData.Case(name, xFile));
        var y = TestData.Matrix(TestData.Case(name, yFile));
        var logger = new ListLogger();

        var (predictions, used) = new PlsRegression(new PlsOptions { ComponentCount = asked })
            .FitPredict(x, y, x, logger);

        Assert.Equal(3, used);
        TestData.AssertClose(
            TestData.NumberMatrix(expected.GetProperty(expectedKey)), predictions, 0, CasePredictionAbsTol);
        if (asked > 3)
        {
            Assert.Contains(
                logger.Warnings, w => w.Contains($"after 3 of {asked} components", StringComparison.Ordinal));
        }
        else
        {
            Assert.Empty(logger.Warnings);
        }
    }

    [Fact]
    public void Case07AlphaAtTheGridEdgeIsFlaggedPerNeuronWithLooErrorsMatching()
    {
        const string name = "07-ridgecv-alpha-grid-edge";
        var root = TestData.Json(TestData.Case(name, "expected.json"));
        var x = TestData.Matrix(TestData.Case(name, "X.csv"));
        string[] targets = ["y_noisy", "y_clean", "y_pure_noise"];
        var y = Stack(targets.Select(t => TestData.Matrix(TestData.Case(name, t + ".csv"))).ToArray());

        foreach (var grid in new[] { "narrow", "wide" })
        {
            var alphas = TestData.Numbers(root.GetProperty("settings").GetProperty("grids").GetProperty(grid));
            var choice = InnerChoice(
                x, y, alphas, new ContiguousKFold(x.GetLength(0)), HyperparameterSelection.PerNeuron);
            for (var j = 0; j < targets.Length; j++)
            {
                var expected = root.GetProperty("expected").GetProperty($"{targets[j]}/{grid}");
                var mse = Enumerable.Range(0, alphas.Length).Select(a => choice.ValidationError![a, j]).ToArray();
                TestData.AssertClose(TestData.Numbers(expected.GetProperty("loo_mse")), mse, CaseMseRelTol, 0);
                Assert.Equal(expected.GetProperty("selected_alpha").GetDouble(), choice.Values[j]);
                var atEdge = choice.Positions[j] is GridPosition.LowerEdge or GridPosition.UpperEdge;
                Assert.Equal(expected.GetProperty("selected_at_grid_edge").GetBoolean(), atEdge);
            }
        }
    }

    [Fact]
    public void Case07GridEdgeWarningNamesTheNeuronTheAlphaAndTheGridBounds()
    {
        var (x, y, method) = Case07CleanAndNoiseOnTheWideGrid();
        var logger = new ListLogger();

        CrossValidation.Evaluate(x, y, BinLayout.Sequence(40), new ContiguousKFold(4), method, logger: logger);

        var warning = Assert.Single(logger.Warnings, w => w.Contains("edge of the grid", StringComparison.Ordinal));
        Assert.Contains("[0.01, 1000000]", warning, StringComparison.Ordinal);
        // Each flagged neuron is listed with the edge value it chose and in how many folds.
        Assert.True(warning.Contains("neuron 1 (1E+06 in ", StringComparison.Ordinal), warning);
        Assert.True(warning.Contains("neuron 0 (0.01 in ", StringComparison.Ordinal), warning);
        Assert.StartsWith("2 of 2 neurons chose an alpha", warning, StringComparison.Ordinal);
        Assert.EndsWith("so widen the grid", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Case07GridEdgeWarningNamesNeuronsByTheCallersIdsAndGivesTheCallersAdvice()
    {
        var (x, y, method) = Case07CleanAndNoiseOnTheWideGrid();
        var logger = new ListLogger();
        var labels = new CrossValidationLabels { NeuronIds = ["T2C4", "T7C1"], GridAdvice = "add values to --grid" };

        CrossValidation.Evaluate(
            x, y, BinLayout.Sequence(40), new ContiguousKFold(4), method, logger: logger, labels: labels);

        var warning = Assert.Single(logger.Warnings, w => w.Contains("edge of the grid", StringComparison.Ordinal));
        Assert.True(warning.Contains("neuron T2C4 (0.01 in ", StringComparison.Ordinal), warning);
        Assert.True(warning.Contains("neuron T7C1 (1E+06 in ", StringComparison.Ordinal), warning);
        Assert.DoesNotContain("neuron 0 ", warning, StringComparison.Ordinal);
        Assert.EndsWith("so add values to --grid", warning, StringComparison.Ordinal);
    }

    /// <summary>Case 07's clean and pure-noise neurons under ridge on the 0.01…1e6 grid: the clean neuron
    /// picks the smallest alpha and the noise neuron the largest, so both sit at an edge.</summary>
    private static (double[,] Features, double[,] Responses, RidgeCv Method) Case07CleanAndNoiseOnTheWideGrid()
    {
        const string name = "07-ridgecv-alpha-grid-edge";
        var x = TestData.Matrix(TestData.Case(name, "X.csv"));
        var y = Stack(
            TestData.Matrix(TestData.Case(name, "y_clean.csv")),
            TestData.Matrix(TestData.Case(name, "y_pure_noise.csv")));
        var method = new RidgeCv(new RidgeCvOptions
        {
            Alphas = [0.01, 0.1, 1, 10, 100, 1e3, 1e4, 1e5, 1e6],
            InnerFolds = new ContiguousKFold(5),
            StandardiseFeatures = false,
        });
        return (x, y, method);
    }

    [Fact]
    public void GridEdgeWarningListsAFewNeuronsAndCountsTheRest()
    {
        // Twelve copies of the pure-noise neuron: each picks the largest alpha of a one-decade grid.
        const string name = "07-ridgecv-alpha-grid-edge";
        var x = TestData.Matrix(TestData.Case(name, "X.csv"));
        var noise = TestData.Matrix(TestData.Case(name, "y_pure_noise.csv"));
        var y = Stack(Enumerable.Repeat(noise, 12).ToArray());
        var logger = new ListLogger();
        var method = new RidgeCv(new RidgeCvOptions
        {
            Alphas = [0.01, 0.1], InnerFolds = new ContiguousKFold(5), StandardiseFeatures = false,
        });
        var ids = Enumerable.Range(1, 12).Select(k => $"unit{k}").ToArray();

        CrossValidation.Evaluate(x, y, BinLayout.Sequence(40), new ContiguousKFold(4), method, logger: logger,
            labels: new CrossValidationLabels { NeuronIds = ids });

        var warning = Assert.Single(logger.Warnings, w => w.Contains("edge of the grid", StringComparison.Ordinal));
        Assert.StartsWith("12 of 12 neurons", warning, StringComparison.Ordinal);
        Assert.Contains("neuron unit8 (", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("neuron unit9 (", warning, StringComparison.Ordinal);
        Assert.Contains(", … (4 more)", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void NeuronIdsThatDoNotMatchTheResponseColumnsAreRefused()
    {
        var x = new double[,] { { 1, 0 }, { 0, 1 }, { 1, 1 }, { 2, 1 } };
        var y = new double[,] { { 1 }, { 2 }, { 3 }, { 5 } };
        var labels = new CrossValidationLabels { NeuronIds = ["a", "b"] };

        var error = Assert.Throws<ArgumentException>(() => CrossValidation.Evaluate(
            x, y, BinLayout.Sequence(4), new ContiguousKFold(2), new RidgeCv(RidgeCvOptions.FixedAlpha(1)),
            labels: labels));

        Assert.Equal("labels", error.ParamName);
        Assert.Contains("2 ids but responses has 1 neuron columns", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Case08KFoldAlphaIsChosenPerNeuronAndDiffersFromTheSharedAlpha()
    {
        const string name = "08-ridge-per-target-alpha";
        var root = TestData.Json(TestData.Case(name, "expected.json"));
        var expected = root.GetProperty("expected");
        var x = TestData.Matrix(TestData.Case(name, "X.csv"));
        var y = TestData.Matrix(TestData.Case(name, "Y.csv"));
        var alphas = TestData.Numbers(root.GetProperty("settings").GetProperty("alphas"));

        var perNeuron = InnerChoice(x, y, alphas, new ContiguousKFold(5), HyperparameterSelection.PerNeuron);
        var shared = InnerChoice(x, y, alphas, new ContiguousKFold(5), HyperparameterSelection.Shared);
        var looPerNeuron = InnerChoice(x, y, alphas, new ContiguousKFold(60), HyperparameterSelection.PerNeuron);
        var looShared = InnerChoice(x, y, alphas, new ContiguousKFold(60), HyperparameterSelection.Shared);

        TestData.AssertClose(
            TestData.NumberMatrix(expected.GetProperty("kfold_mse_per_alpha_per_target")),
            perNeuron.ValidationError!, CaseMseRelTol, 0);
        Assert.Equal(TestData.Numbers(expected.GetProperty("kfold_alpha_per_target")), perNeuron.Values);
        Assert.Equal(GridPosition.LowerEdge, perNeuron.Positions[0]);
        Assert.All(shared.Values, a => Assert.Equal(expected.GetProperty("kfold_shared_alpha").GetDouble(), a));
        Assert.Equal(TestData.Numbers(expected.GetProperty("loo_alpha_per_target")), looPerNeuron.Values);
        Assert.All(looShared.Values, a => Assert.Equal(expected.GetProperty("loo_shared_alpha").GetDouble(), a));

        // Out-of-fold r over the 60 bins, each neuron refitted with its own α (case: 1e-9 absolute).
        var outOfFold = new double[60, 3];
        for (var j = 0; j < 3; j++)
        {
            var fixedAlpha = CrossValidation.Evaluate(
                x, y, BinLayout.Sequence(60), new ContiguousKFold(5),
                new RidgeCv(RidgeCvOptions.FixedAlpha(perNeuron.Values[j])));
            var assembled = TestData.Assemble(fixedAlpha);
            for (var i = 0; i < 60; i++)
            {
                outOfFold[i, j] = assembled[i, j];
            }
        }

        TestData.AssertClose(
            TestData.Numbers(expected.GetProperty("kfold_oof_pearson_r_per_target_alphas")),
            NeuronScores.Pearson(outOfFold, y), 0, 1e-9);
    }

    /// <summary>The inner-CV choice on all rows (no outer test set), unstandardised, with intercept.</summary>
    private static HyperparameterChoice InnerChoice(
        double[,] x, double[,] y, double[] alphas, IFoldScheme inner, HyperparameterSelection selection)
    {
        var method = new RidgeCv(new RidgeCvOptions
        {
            Alphas = alphas,
            InnerFolds = inner,
            StandardiseFeatures = false,
            Selection = selection,
        });
        using var scope = NewDisposeScope();
        var xt = tensor(x);
        return method.Fit(
                xt, tensor(y), xt, BinLayout.Sequence(x.GetLength(0)),
                Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, 0, CancellationToken.None)
            .Hyperparameters;
    }

    private static double[,] Stack(params double[][,] columns)
    {
        var result = new double[columns[0].GetLength(0), columns.Length];
        for (var i = 0; i < result.GetLength(0); i++)
        {
            for (var j = 0; j < columns.Length; j++)
            {
                result[i, j] = columns[j][i, 0];
            }
        }

        return result;
    }
}
