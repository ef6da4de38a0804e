using NeuralPredictivity.Datasets;
using NeuralPredictivity.Regression;

namespace NeuralPredictivity.Baselines;

/// <summary>A generated baseline: its spec, its (bins × d) map and its dimensionality.</summary>
/// <param name="Spec">The spec that produced the map (canonical form via ToString).</param>
/// <param name="Maps">(bins × d) feature map on the requested grid; NaN where the grid has no position.</param>
/// <param name="Dimensionality">
/// Participation ratio and component counts over the bins defined in every feature. The benchmark
/// recomputes PR on the joint mask of features and neurons, which can drop a few more bins.
/// </param>
/// <param name="DefinedBinCount">Number of bins finite in every feature (the bins the PR uses).</param>
public sealed record BaselineMaps(
    BaselineSpec Spec, SpatialMaps Maps, DimensionalityReport Dimensionality, int DefinedBinCount)
{
    /// <summary>Participation ratio (Σλ)²/Σλ² over the defined bins; NaN for a constant map.</summary>
    public double ParticipationRatio => Dimensionality.ParticipationRatio;

    /// <summary>Wraps a map and measures its dimensionality on the bins finite in every column.</summary>
    internal static BaselineMaps Measure(BaselineSpec spec, SpatialMaps maps)
    {
        var (defined, count) = DefinedRows(maps);
        return new BaselineMaps(spec, maps, Regression.ParticipationRatio.Compute(defined), count);
    }

    /// <summary>The rows of <paramref name="maps"/> finite in every column: (defined bins × columns).</summary>
    internal static (double[,] Rows, int Count) DefinedRows(SpatialMaps maps)
    {
        var finite = maps.FiniteBins();
        var count = finite.Count(f => f);
        var rows = new double[count, maps.ColumnCount];
        var row = 0;
        for (var bin = 0; bin < maps.BinCount; bin++)
        {
            if (!finite[bin])
            {
                continue;
            }

            for (var column = 0; column < maps.ColumnCount; column++)
            {
                rows[row, column] = maps.Values[bin, column];
            }

            row++;
        }

        return (rows, count);
    }
}
