using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Benchmark;

/// <summary>Everything one run computed, held in memory until it is written.</summary>
/// <param name="Settings">The validated settings.</param>
/// <param name="Summary">Headline numbers.</param>
/// <param name="Neurons">Per-neuron scores, in recording order.</param>
/// <param name="Actual">Neuron rate maps (bins × neurons, Hz; NaN = unvisited).</param>
/// <param name="Predicted">Held-out predictions (bins × neurons, Hz; NaN outside the regression bins).</param>
/// <param name="RegressionBins">True for the bins that entered regression (the joint finite mask).</param>
internal sealed record RunResult(
    RunSettings Settings,
    RunSummary Summary,
    IReadOnlyList<NeuronScore> Neurons,
    SpatialMaps Actual,
    double[,] Predicted,
    bool[] RegressionBins)
{
    /// <summary>The grid all maps share.</summary>
    internal SpatialGrid Grid => Actual.Grid;
}
