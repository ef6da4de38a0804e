namespace NeuralPredictivity.Regression;

/// <summary>A regression from features to neuron responses that <see cref="CrossValidation"/> can evaluate.</summary>
/// <remarks>
/// Implemented by <see cref="RidgeCv"/> and <see cref="PlsRegression"/>, each configured by one
/// validated options record. A method fits on a fold's training bins only (centring, scaling and
/// hyper-parameter choice included) and predicts its test bins. The fitting contract is internal,
/// so the solver variants behind it can change without breaking callers.
/// </remarks>
public interface IRegressionMethod
{
    /// <summary>Label written into results, e.g. "ridge, per-neuron α by random 5-fold (seed 0) …".</summary>
    string Description { get; }

    /// <summary>Checks, before any fitting, that every fold can be fitted; throws naming the option.</summary>
    internal void Validate(BinLayout layout, IReadOnlyList<Fold> folds, int featureCount, int neuronCount);

    /// <summary>Fits on the fold's training bins and predicts its test bins.</summary>
    internal FoldFit Fit(FoldProblem problem);
}
