namespace NeuralPredictivity.Regression;

/// <summary>What a method returns for one fold.</summary>
/// <param name="Predictions">(test bins × neurons), rows in the order of <see cref="Fold.Test"/>.</param>
/// <param name="Hyperparameters">Per-neuron α or component count and how it was chosen.</param>
internal sealed record FoldFit(double[,] Predictions, HyperparameterChoice Hyperparameters);
