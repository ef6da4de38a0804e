namespace NeuralPredictivity.Models;

/// <summary>Grid scores of one map, with the ring masks that gave them.</summary>
/// <param name="Score60">Hexagonal score: mean(r60, r120) − mean(r30, r90, r150), best over masks;
/// NaN if undefined.</param>
/// <param name="Score90">Square score: r90 − mean(r45, r135), best over masks; NaN if undefined.</param>
/// <param name="OuterRadius60">Outer ring radius (fraction of map width) of the best 60° score.</param>
/// <param name="OuterRadius90">Outer ring radius of the best 90° score.</param>
/// <param name="Correlations">Rotation angle (degrees) → correlation with the unrotated autocorrelogram,
/// at the best 60° mask.</param>
public sealed record GridScore(
    double Score60,
    double Score90,
    double OuterRadius60,
    double OuterRadius90,
    IReadOnlyDictionary<int, double> Correlations);
