using MathNet.Numerics.LinearAlgebra;
using Xunit.Abstractions;
using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Baselines.Tests;

/// <summary>The shuffled control predicts nothing of real MEC rate maps, while its unshuffled map does.</summary>
public sealed class ShuffledControlTests(ITestOutputHelper output)
{
    private static readonly Lazy<SpatialMaps> Neurons = new(() => RealRateMaps.Stensola(TestGrids.StensolaGrid));

    [Fact]
    public void ShuffledControlScoresNearZeroOnRealNeuronMaps()
    {
        var spec = BaselineSpec.Parse("place-cells:d=128,width=8cm,seed=1");

        var intact = HeldOutCorrelations(
            BaselineFamilies.Generate(spec, TestGrids.StensolaGrid, TestGrids.StensolaArena));
        var shuffled = HeldOutCorrelations(
            BaselineFamilies.Generate("shuffled:" + spec, TestGrids.StensolaGrid, TestGrids.StensolaArena));

        output.WriteLine($"median r intact {Median(intact):0.###}, shuffled {Median(shuffled):0.###}; " +
            $"T03C1 intact {intact[Neurons.Value.ColumnIds.ToList().IndexOf("T03C1")]:0.###}");

        // Under the null, one neuron's held-out r over ~890 bins has SE ≈ 1/√890 ≈ 0.034; the median over
        // 65 neurons is tighter still. 0.1 is three single-neuron SEs.
        Assert.InRange(Median(shuffled), -0.1, 0.1);

        // The same spectrum in place: a place-cell basis predicts the spatially tuned units well. T03C1 is a
        // module-2 grid cell with split-half r 0.81 (data/README.md).
        Assert.True(Median(intact) > 0.3, $"median held-out r of the intact basis is {Median(intact):0.###}");
        var gridCell = Neurons.Value.ColumnIds.ToList().IndexOf("T03C1");
        Assert.True(intact[gridCell] > 0.6, $"T03C1: held-out r {intact[gridCell]:0.###}");
        Assert.InRange(shuffled[gridCell], -0.15, 0.15);
    }

    /// <summary>
    /// Held-out Pearson r per neuron: 5 random folds over the bins defined in every map, ridge on centred
    /// training bins, r over the pooled out-of-fold predictions.
    /// </summary>
    private static double[] HeldOutCorrelations(BaselineMaps features)
    {
        var neurons = Neurons.Value;
        var bins = Enumerable.Range(0, neurons.BinCount)
            .Where(b => neurons.FiniteBins()[b] && features.Maps.FiniteBins()[b]).ToArray();
        var x = Matrix<double>.Build.Dense(
            bins.Length, features.Maps.ColumnCount, (i, j) => features.Maps.Values[bins[i], j]);
        var y = Matrix<double>.Build.Dense(bins.Length, neurons.ColumnCount, (i, j) => neurons.Values[bins[i], j]);

        var fold = SpatialShuffle.Permutation(Enumerable.Repeat(true, bins.Length).ToArray(), 17)
            .Select(i => i % 5).ToArray();
        var predicted = Matrix<double>.Build.Dense(bins.Length, neurons.ColumnCount);
        for (var k = 0; k < 5; k++)
        {
            var train = Enumerable.Range(0, bins.Length).Where(i => fold[i] != k).ToArray();
            var test = Enumerable.Range(0, bins.Length).Where(i => fold[i] == k).ToArray();
            var (xTrain, yTrain) = (Rows(x, train), Rows(y, train));
            var (xMean, yMean) = (xTrain.ColumnSums() / train.Length, yTrain.ColumnSums() / train.Length);
            var xc = xTrain - Matrix<double>.Build.Dense(train.Length, x.ColumnCount, (_, j) => xMean[j]);
            var yc = yTrain - Matrix<double>.Build.Dense(train.Length, y.ColumnCount, (_, j) => yMean[j]);

            // A light ridge (1 % of the mean feature variance per bin) keeps XᵀX invertible.
            var gram = xc.TransposeThisAndMultiply(xc);
            var alpha = 0.01 * gram.Diagonal().Average();
            var weights = (gram + alpha * Matrix<double>.Build.DenseIdentity(x.ColumnCount)).Cholesky()
                .Solve(xc.TransposeThisAndMultiply(yc));

            var xTest = Rows(x, test) - Matrix<double>.Build.Dense(test.Length, x.ColumnCount, (_, j) => xMean[j]);
            var yHat = xTest * weights + Matrix<double>.Build.Dense(test.Length, y.ColumnCount, (_, j) => yMean[j]);
            for (var i = 0; i < test.Length; i++)
            {
                predicted.SetRow(test[i], yHat.Row(i));
            }
        }

        return Enumerable.Range(0, y.ColumnCount)
            .Select(n => MathNet.Numerics.Statistics.Correlation.Pearson(predicted.Column(n), y.Column(n)))
            .ToArray();
    }

    private static Matrix<double> Rows(Matrix<double> matrix, int[] rows) =>
        Matrix<double>.Build.Dense(rows.Length, matrix.ColumnCount, (i, j) => matrix[rows[i], j]);

    private static double Median(double[] values)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        return sorted.Length % 2 == 1
            ? sorted[sorted.Length / 2]
            : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
