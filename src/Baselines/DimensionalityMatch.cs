namespace NeuralPredictivity.Baselines;

/// <summary>The outcome of matching a family to a target participation ratio.</summary>
/// <param name="Result">The chosen map, its spec and its dimensionality.</param>
/// <param name="Parameter">The parameter that was varied (d, a length scale or a width).</param>
/// <param name="TargetParticipationRatio">The participation ratio asked for.</param>
/// <param name="RelativeTolerance">|achieved − target| / target that counts as a match.</param>
/// <param name="ReachableMinimum">Smallest PR seen on the scan of the search range.</param>
/// <param name="ReachableMaximum">Largest PR seen on the scan of the search range.</param>
/// <param name="Evaluations">Number of maps generated during the search.</param>
public sealed record DimensionalityMatch(
    BaselineMaps Result,
    string Parameter,
    double TargetParticipationRatio,
    double RelativeTolerance,
    double ReachableMinimum,
    double ReachableMaximum,
    int Evaluations)
{
    /// <summary>Spec of the chosen map.</summary>
    public BaselineSpec Spec => Result.Spec;

    /// <summary>Participation ratio of the chosen map over its defined bins.</summary>
    public double AchievedParticipationRatio => Result.ParticipationRatio;

    /// <summary>|achieved − target| / target.</summary>
    public double RelativeError =>
        Math.Abs(AchievedParticipationRatio - TargetParticipationRatio) / TargetParticipationRatio;

    /// <summary>True when <see cref="RelativeError"/> ≤ <see cref="RelativeTolerance"/>.</summary>
    public bool WithinTolerance => RelativeError <= RelativeTolerance;
}
