namespace NeuralPredictivity.Regression;

/// <summary>Progress of <see cref="CrossValidation.Evaluate"/>: reported after each fold.</summary>
/// <param name="CompletedFolds">Folds finished so far.</param>
/// <param name="FoldCount">All folds.</param>
/// <param name="Method">The method's description.</param>
public sealed record CrossValidationProgress(int CompletedFolds, int FoldCount, string Method);
