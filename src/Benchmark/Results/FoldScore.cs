namespace NeuralPredictivity.Benchmark;

/// <summary>One neuron's held-out score on one fold.</summary>
/// <param name="Fold">Fold index, 0-based.</param>
/// <param name="R">Pearson r between predicted and actual rate over the fold's test bins; NaN when either
/// is constant.</param>
/// <param name="R2">Coefficient of determination 1 − SSE/SST on the test bins (can be negative).</param>
/// <param name="Alpha">Ridge penalty used (chosen or fixed); null for PLS.</param>
/// <param name="AlphaAtGridEdge">True when the chosen penalty is the smallest or largest of the grid, so
/// the optimum may lie outside it; null unless the penalty was chosen from a grid.</param>
/// <param name="Components">PLS components used; null for ridge.</param>
/// <param name="TrainBins">Bins the fold was fitted on.</param>
/// <param name="TestBins">Bins the fold was scored on.</param>
internal sealed record FoldScore(
    int Fold, double R, double R2, double? Alpha, bool? AlphaAtGridEdge, int? Components, int TrainBins, int TestBins);
