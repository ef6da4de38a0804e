using Microsoft.Extensions.Logging;
using static TorchSharp.torch;

namespace NeuralPredictivity.Regression;

/// <summary>One fold's fitting task: all data as tensors plus the fold's index sets.</summary>
/// <param name="Features">(bins × features) float64, every bin of the layout.</param>
/// <param name="Responses">(bins × neurons) float64.</param>
/// <param name="Fold">Training and test samples.</param>
/// <param name="Layout">Grid positions of all samples (for spatial inner folds).</param>
/// <param name="Logger">Sink for warnings.</param>
/// <param name="CancellationToken">Stops long fits between steps.</param>
internal sealed record FoldProblem(
    Tensor Features,
    Tensor Responses,
    Fold Fold,
    BinLayout Layout,
    ILogger Logger,
    CancellationToken CancellationToken);
