namespace NeuralPredictivity.Regression;

/// <summary>Everything a cross-validated evaluation produced, fold by fold and neuron by neuron.</summary>
/// <remarks>
/// <see cref="MeanPearson"/>[j] is the mean of neuron j's held-out r over the folds where it is
/// defined (<see cref="DefinedFoldCount"/>[j] of them), NaN when it is defined in none. The same
/// holds for <see cref="MeanRSquared"/>. Feed <see cref="MeanPearson"/> with per-neuron
/// reliabilities to <see cref="PredictivitySummary.Compute"/>.
/// </remarks>
public sealed class CrossValidationResult
{
    internal CrossValidationResult(
        string method, string foldScheme, int binCount, int featureCount, int neuronCount,
        IReadOnlyList<FoldResult> folds)
    {
        Method = method;
        FoldScheme = foldScheme;
        BinCount = binCount;
        FeatureCount = featureCount;
        NeuronCount = neuronCount;
        Folds = folds;
        var (meanR, definedR) = NanMean(folds.Select(f => f.Pearson).ToArray(), neuronCount);
        var (meanR2, _) = NanMean(folds.Select(f => f.RSquared).ToArray(), neuronCount);
        MeanPearson = meanR;
        MeanRSquared = meanR2;
        DefinedFoldCount = definedR;
    }

    /// <summary>The regression method's description.</summary>
    public string Method { get; }

    /// <summary>The fold scheme's description.</summary>
    public string FoldScheme { get; }

    /// <summary>Samples (bins) regressed.</summary>
    public int BinCount { get; }

    /// <summary>Feature columns.</summary>
    public int FeatureCount { get; }

    /// <summary>Neuron columns.</summary>
    public int NeuronCount { get; }

    /// <summary>Per-fold results, in fold order.</summary>
    public IReadOnlyList<FoldResult> Folds { get; }

    /// <summary>Per neuron: mean held-out r over folds where it is defined.</summary>
    public IReadOnlyList<double> MeanPearson { get; }

    /// <summary>Per neuron: mean held-out R² over folds where it is defined.</summary>
    public IReadOnlyList<double> MeanRSquared { get; }

    /// <summary>Per neuron: folds in which r is defined.</summary>
    public IReadOnlyList<int> DefinedFoldCount { get; }

    private static (double[] Mean, int[] Count) NanMean(IReadOnlyList<double>[] perFold, int neuronCount)
    {
        var (sum, count) = (new double[neuronCount], new int[neuronCount]);
        foreach (var fold in perFold)
        {
            for (var j = 0; j < neuronCount; j++)
            {
                if (!double.IsNaN(fold[j]))
                {
                    sum[j] += fold[j];
                    count[j]++;
                }
            }
        }

        return (sum.Select((s, j) => count[j] == 0 ? double.NaN : s / count[j]).ToArray(), count);
    }
}
