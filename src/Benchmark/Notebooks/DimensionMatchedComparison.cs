namespace NeuralPredictivity.Benchmark;

/// <summary>The trained family against one other family at the same d and seed of a sweep.</summary>
/// <param name="Family">The family compared with the trained one.</param>
/// <param name="NominalD">The d both units share.</param>
/// <param name="Seed">The seed both units share.</param>
/// <param name="Match">How the sweep matched dimensions: nominal d, or participation ratio (baseline PR
/// tuned to the trained model's PR at this d).</param>
/// <param name="TrainedParticipationRatio">PR of the trained unit's features.</param>
/// <param name="BaselineParticipationRatio">PR of the other unit's features.</param>
/// <param name="NeuronCount">Neurons included in both units (defined ceiling and score in each).</param>
/// <param name="TrainedMedianRNorm">Median r / √ρ of the trained unit over those neurons.</param>
/// <param name="BaselineMedianRNorm">Median r / √ρ of the other unit over those neurons.</param>
/// <param name="Difference">Trained minus other median; positive when the trained model predicts better.</param>
/// <param name="DifferenceCiLow">Lower end of the paired bootstrap 95 % interval of the difference.</param>
/// <param name="DifferenceCiHigh">Upper end of that interval.</param>
public sealed record DimensionMatchedComparison(
    string Family,
    int NominalD,
    int Seed,
    DimensionMatch Match,
    double TrainedParticipationRatio,
    double BaselineParticipationRatio,
    int NeuronCount,
    double TrainedMedianRNorm,
    double BaselineMedianRNorm,
    double Difference,
    double DifferenceCiLow,
    double DifferenceCiHigh);
