using NeuralPredictivity.Datasets;
using NeuralPredictivity.Regression;

namespace NeuralPredictivity.Baselines;

/// <summary>A generated baseline: its spec, its (bins × d) map and its dimensionality.</summary>
/// <param name="Spec">The spec that produced the map (canonical form via ToString).</param>
/// <param name="Maps">(bins × d) feature map on the requested grid; NaN where the grid has no position.</param>
/// <param name="Dimensionality">
/// Participation ratio and component counts over the measured bins: those defined in every feature and,
/// after <see cref="On"/>, among the bins a run regresses on.
/// </param>
/// <param name="DefinedBinCount">Number of bins the PR uses.</param>
public sealed record BaselineMaps(
    BaselineSpec Spec, SpatialMaps Maps, DimensionalityReport Dimensionality, int DefinedBinCount)
{
    /// <summary>Participation ratio (Σλ)²/Σλ² over the measured bins; NaN for a constant map.</summary>
    public double ParticipationRatio => Dimensionality.ParticipationRatio;

    /// <summary>The same map, its dimensionality measured only on <paramref name="bins"/>.</summary>
    /// <remarks>
    /// A run computes PR on its regression bins, the bins finite in every neuron map (visited at running
    /// speed) and every feature (../shared/DESIGN.md, "Dimensionality"). A baseline is defined on every bin
    /// of the arena, so measured on the whole grid its PR can differ slightly from the run's; measured on the
    /// recording's visited bins it is the run's number exactly.
    /// </remarks>
    /// <param name="bins">True for bins to measure on, one per grid bin (for a recording: visited bins).</param>
    public BaselineMaps On(IReadOnlyList<bool> bins)
    {
        ArgumentNullException.ThrowIfNull(bins);
        return Measure(Spec, Maps, bins);
    }

    /// <summary>Wraps a map and measures its dimensionality on the bins finite in every column (and among
    /// <paramref name="bins"/> when given).</summary>
    internal static BaselineMaps Measure(BaselineSpec spec, SpatialMaps maps, IReadOnlyList<bool>? bins = null)
    {
        var (defined, count) = DefinedRows(maps, bins);
        return new BaselineMaps(spec, maps, Regression.ParticipationRatio.Compute(defined), count);
    }

    /// <summary>The rows of <paramref name="maps"/> finite in every column, and among <paramref name="bins"/>
    /// when given: (measured bins × columns).</summary>
    /// <exception cref="ArgumentException"><paramref name="bins"/> does not have one entry per grid bin.
    /// </exception>
    internal static (double[,] Rows, int Count) DefinedRows(SpatialMaps maps, IReadOnlyList<bool>? bins = null) =>
        maps.FiniteRows(bins);
}
