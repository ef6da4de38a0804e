namespace NeuralPredictivity.Benchmark;

/// <summary>One neuron's scores over all folds, with its noise ceiling and normalised scores.</summary>
/// <param name="NeuronId">Unit id from the recording.</param>
/// <param name="MeanRateHz">Spikes / s over the speed-filtered session.</param>
/// <param name="Ceiling">Split-half reliability ρ (Spearman–Brown corrected); NaN when undefined.</param>
/// <param name="Folds">Per-fold scores in fold order.</param>
/// <param name="R">Mean of the per-fold Pearson r (NaN folds skipped; NaN when all are NaN).</param>
/// <param name="R2">Mean of the per-fold coefficients of determination.</param>
/// <param name="RNorm">r / √ρ; NaN when ρ is undefined.</param>
/// <param name="R2Norm">r² / ρ; NaN when ρ is undefined.</param>
/// <param name="Exclusion">Why the neuron is left out of the summaries, or null when it is included.</param>
internal sealed record NeuronScore(
    string NeuronId,
    double MeanRateHz,
    double Ceiling,
    IReadOnlyList<FoldScore> Folds,
    double R,
    double R2,
    double RNorm,
    double R2Norm,
    string? Exclusion);
