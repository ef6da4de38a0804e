namespace NeuralPredictivity.Benchmark;

/// <summary>One finished unit of a sweep: a row of <c>sweep.csv</c>.</summary>
/// <param name="Unit">Unit id, <c>&lt;family-slug&gt;__d&lt;d&gt;__s&lt;seed&gt;</c>.</param>
/// <param name="Family">Family spec without d and seed, as listed in the plan.</param>
/// <param name="NominalD">The d of the unit (feature columns, or principal components kept for the trained
/// family).</param>
/// <param name="Seed">The unit's seed.</param>
/// <param name="Model">The full model spec the unit regressed.</param>
/// <param name="FeatureCount">Feature columns that entered regression.</param>
/// <param name="ParticipationRatio">PR = (Σλ)² / Σλ² of the features over the regression bins.</param>
/// <param name="MedianRNorm">Median over included neurons of r / √ρ.</param>
/// <param name="MedianRNormCiLow">Lower end of its bootstrap 95 % interval over neurons.</param>
/// <param name="MedianRNormCiHigh">Upper end of its bootstrap 95 % interval over neurons.</param>
/// <param name="MedianR">Median held-out Pearson r over the same neurons.</param>
/// <param name="NeuronsIncluded">Neurons in the medians.</param>
public sealed record SweepUnitResult(
    string Unit,
    string Family,
    int NominalD,
    int Seed,
    string Model,
    int FeatureCount,
    double ParticipationRatio,
    double MedianRNorm,
    double MedianRNormCiLow,
    double MedianRNormCiHigh,
    double MedianR,
    int NeuronsIncluded);
