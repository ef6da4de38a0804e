using NeuralPredictivity.Testing;
using TorchSharp;

namespace NeuralPredictivity.Regression.Tests;

/// <summary>Cross-validated ridge and PLS give the same predictions, bit for bit, whether or not collections and
/// finalisers run while LibTorch works (see <see cref="CollectionPressure"/>).</summary>
public sealed class CollectionPressureTests
{
    public CollectionPressureTests() => torch.set_num_threads(1);

    public static TheoryData<string, int, int> Methods() => new()
    {
        // More bins than features: ridge works on the SVD of X; fewer: on the kernel X Xᵀ.
        { "ridge", 900, 300 },
        { "ridge", 200, 900 },
        { "pls", 900, 300 },
    };

    [Theory]
    [MemberData(nameof(Methods))]
    public void PredictionsAreTheSameUnderCollectionPressure(string methodName, int binCount, int featureCount)
    {
        var (features, responses) = Data(binCount, featureCount, neuronCount: 12, seed: 3);
        var folds = new RandomKFold(5, seed: 1);
        IRegressionMethod method = methodName == "pls"
            ? new PlsRegression(new PlsOptions { ComponentCount = 8, ComponentCandidates = [1, 2, 4, 8] })
            : new RidgeCv(new RidgeCvOptions());
        var quiet = CrossValidation.Evaluate(features, responses, BinLayout.Sequence(binCount), folds, method);

        var mismatches = 0;
        CollectionPressure.During(() =>
        {
            for (var repeat = 0; repeat < 6; repeat++)
            {
                var pressed = CrossValidation.Evaluate(
                    features, responses, BinLayout.Sequence(binCount), folds, method);
                mismatches += quiet.Folds.Zip(pressed.Folds).Count(pair =>
                    !pair.First.Predictions.Cast<double>().SequenceEqual(pair.Second.Predictions.Cast<double>()));
            }
        });

        Assert.Equal(0, mismatches);
    }

    /// <summary>Features with a decaying spectrum and responses that are noisy linear readouts of them.</summary>
    private static (double[,] Features, double[,] Responses) Data(
        int binCount, int featureCount, int neuronCount, int seed)
    {
        var random = new Random(seed);
        var features = new double[binCount, featureCount];
        for (var i = 0; i < binCount; i++)
        {
            for (var j = 0; j < featureCount; j++)
            {
                features[i, j] = (random.NextDouble() - 0.5) / (1 + j);
            }
        }

        var responses = new double[binCount, neuronCount];
        for (var k = 0; k < neuronCount; k++)
        {
            var weights = Enumerable.Range(0, featureCount).Select(_ => random.NextDouble() - 0.5).ToArray();
            for (var i = 0; i < binCount; i++)
            {
                var sum = 0.0;
                for (var j = 0; j < featureCount; j++)
                {
                    sum += features[i, j] * weights[j];
                }

                responses[i, k] = sum + 0.05 * (random.NextDouble() - 0.5);
            }
        }

        return (features, responses);
    }
}
