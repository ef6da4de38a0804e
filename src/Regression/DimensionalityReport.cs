namespace NeuralPredictivity.Regression;

/// <summary>Dimensionality of a (bins × features) map.</summary>
/// <param name="ParticipationRatio">(Σλ)²/Σλ² of the covariance eigenvalues; NaN for constant input.</param>
/// <param name="ComponentsFor80Percent">Fewest principal components holding ≥ 80 % of the variance.</param>
/// <param name="ComponentsFor90Percent">Fewest principal components holding ≥ 90 % of the variance.</param>
/// <param name="FeatureCount">Nominal dimension d (columns of the map).</param>
public sealed record DimensionalityReport(
    double ParticipationRatio, int ComponentsFor80Percent, int ComponentsFor90Percent, int FeatureCount);
