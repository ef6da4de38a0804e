using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Baselines;

/// <summary>A family whose features are fixed functions of position, evaluated at bin centres.</summary>
/// <remarks>
/// Bins whose centre lies in the arena are defined in every feature; the others are NaN. Feature j
/// draws only from its own random stream, so the first d features do not depend on d.
/// </remarks>
internal abstract class PositionFamily : BaselineFamily
{
    internal override SpatialMaps Generate(BaselineSpec spec, SpatialGrid grid, Arena arena)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(arena);

        var centres = BinCentres.Inside(grid, arena);
        var dimension = spec.Dimension;
        var inside = new double[centres.Count, dimension];
        Fill(spec, arena, centres, inside);

        var values = new double[grid.BinCount, dimension];
        for (var bin = 0; bin < grid.BinCount; bin++)
        {
            for (var j = 0; j < dimension; j++)
            {
                values[bin, j] = double.NaN;
            }
        }

        for (var i = 0; i < centres.Count; i++)
        {
            var bin = centres.Bins[i];
            for (var j = 0; j < dimension; j++)
            {
                values[bin, j] = inside[i, j];
            }
        }

        var ids = Enumerable.Range(0, dimension).Select(j => $"{Name}#{j}").ToArray();
        return new SpatialMaps(grid, values, ids);
    }

    /// <summary>Writes feature values at the defined bins: <paramref name="values"/> is (defined bins × d).</summary>
    private protected abstract void Fill(BaselineSpec spec, Arena arena, BinCentres centres, double[,] values);
}
