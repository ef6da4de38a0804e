namespace NeuralPredictivity.Benchmark;

/// <summary>One neuron's scores from a results folder's <c>neurons.csv</c>, folds gathered into one record.</summary>
/// <param name="NeuronId">Unit id from the recording.</param>
/// <param name="MeanRateHz">Spikes / s over the session.</param>
/// <param name="CeilingRho">Split-half reliability ρ (Spearman–Brown corrected); NaN when undefined.</param>
/// <param name="R">Held-out Pearson r, mean over folds; NaN when undefined.</param>
/// <param name="RNorm">r / √ρ; NaN when ρ is undefined.</param>
/// <param name="R2Norm">r² / ρ; NaN when ρ is undefined.</param>
/// <param name="Included">Whether the neuron enters the summaries (defined ceiling and score).</param>
/// <param name="Exclusion">Why the neuron is left out, or null when included.</param>
/// <param name="FoldR">Held-out Pearson r of each fold, in fold order.</param>
public sealed record NeuronResult(
    string NeuronId,
    double MeanRateHz,
    double CeilingRho,
    double R,
    double RNorm,
    double R2Norm,
    bool Included,
    string? Exclusion,
    IReadOnlyList<double> FoldR);
