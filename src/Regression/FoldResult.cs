namespace NeuralPredictivity.Regression;

/// <summary>One fold's held-out predictions, scores and chosen hyper-parameters.</summary>
/// <remarks>
/// <see cref="Predictions"/> is (test bins × neurons), row i belonging to sample
/// <see cref="Test"/>[i] (use <see cref="BinLayout.GridBins"/> to draw predicted-vs-actual maps).
/// <see cref="Pearson"/> and <see cref="RSquared"/> are per neuron over this fold's test bins;
/// NaN where <see cref="Status"/> says why (constant response or prediction, detected exactly).
/// </remarks>
public sealed class FoldResult
{
    internal FoldResult(
        Fold fold, double[,] predictions, double[] pearson, double[] rSquared, ScoreStatus[] status,
        HyperparameterChoice hyperparameters)
    {
        Index = fold.Index;
        Train = fold.Train;
        Test = fold.Test;
        Predictions = predictions;
        Pearson = pearson;
        RSquared = rSquared;
        Status = status;
        Hyperparameters = hyperparameters;
    }

    /// <summary>Position of the fold in its scheme.</summary>
    public int Index { get; }

    /// <summary>Training samples, ascending.</summary>
    public IReadOnlyList<int> Train { get; }

    /// <summary>Test samples, ascending; the row order of <see cref="Predictions"/>.</summary>
    public IReadOnlyList<int> Test { get; }

    /// <summary>(test bins × neurons) held-out predictions.</summary>
    public double[,] Predictions { get; }

    /// <summary>Per neuron: held-out Pearson r.</summary>
    public IReadOnlyList<double> Pearson { get; }

    /// <summary>Per neuron: held-out R² about the test-bin mean.</summary>
    public IReadOnlyList<double> RSquared { get; }

    /// <summary>Per neuron: whether r is defined, and why not.</summary>
    public IReadOnlyList<ScoreStatus> Status { get; }

    /// <summary>Per neuron: α or component count used, with grid-edge flags.</summary>
    public HyperparameterChoice Hyperparameters { get; }
}
