using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Baselines;

/// <summary>Random points of a recording's arena, drawn from a feature's own random stream.</summary>
/// <remarks>
/// Kept in Baselines because the draws come from <see cref="SeededRandom"/>: the order and number of
/// draws are part of every golden map, so they must not change with the arena's type.
/// </remarks>
internal static class ArenaSampling
{
    /// <summary>A uniformly distributed point (x, y) in cm of <paramref name="arena"/>, drawn from
    /// <paramref name="random"/>.</summary>
    /// <remarks>
    /// A circle takes two draws, radius then angle; a box (square or rectangle) takes two, x then y.
    /// </remarks>
    internal static (double X, double Y) SamplePoint(this Arena arena, SeededRandom random)
    {
        if (arena.Shape == ArenaShape.Circle)
        {
            // Radius ∝ √U makes the density uniform over the disc's area.
            var radius = arena.WidthCm / 2 * Math.Sqrt(random.NextDouble());
            var angle = 2 * Math.PI * random.NextDouble();
            return (arena.CentreXCm + radius * Math.Cos(angle), arena.CentreYCm + radius * Math.Sin(angle));
        }

        return (random.NextUniform(arena.CentreXCm - arena.WidthCm / 2, arena.CentreXCm + arena.WidthCm / 2),
            random.NextUniform(arena.CentreYCm - arena.HeightCm / 2, arena.CentreYCm + arena.HeightCm / 2));
    }
}
