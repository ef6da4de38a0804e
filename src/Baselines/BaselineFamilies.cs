using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Baselines;

/// <summary>The registry of baseline families: discover them, parse specs and generate maps.</summary>
/// <remarks>
/// Families computed from position: <c>random-fourier</c>, <c>random-relu</c>, <c>place-cells</c>,
/// <c>grid-cells</c>; and the control <c>shuffled:&lt;spec&gt;</c>. Every map is (bins × d) on the
/// grid it is asked for, NaN only in bins whose centre lies outside the arena.
/// </remarks>
public static class BaselineFamilies
{
    private static readonly BaselineFamily[] Families =
    [
        new RandomFourierFamily(),
        new RandomReluFamily(),
        new PlaceCellFamily(),
        new GridCellFamily(),
        new ShuffledFamily(),
    ];

    /// <summary>Every family, in the order listings show them.</summary>
    public static IReadOnlyList<BaselineFamily> All => Families;

    /// <summary>The family with this name (case-insensitive), or null.</summary>
    public static BaselineFamily? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Families.FirstOrDefault(f => string.Equals(f.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Parses a spec such as <c>random-fourier:d=512,lengthscale=20cm,seed=3</c>.</summary>
    /// <exception cref="FormatException">Names the unknown family or parameter and lists the valid ones.</exception>
    public static BaselineSpec Parse(string spec) => BaselineSpec.Parse(spec);

    /// <summary>Generates the (bins × d) map of <paramref name="spec"/> and measures its participation
    /// ratio.</summary>
    /// <param name="spec">What to generate.</param>
    /// <param name="grid">The recording's grid; the map's rows are its bins.</param>
    /// <param name="arena">The recording's arena in the same frame as the grid (cm).</param>
    /// <param name="logger">Receives one Debug line per map; null logs nothing.</param>
    public static BaselineMaps Generate(
        BaselineSpec spec, SpatialGrid grid, Arena arena, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(arena);

        var maps = BaselineMaps.Measure(spec, spec.Family.Generate(spec, grid, arena));
        if (maps.DefinedBinCount == 0)
        {
            throw new ArgumentException(
                $"No bin centre of the grid ({grid}) lies in the arena ({arena}); are they in the same frame?",
                nameof(arena));
        }

        Log.GeneratedMap(
            logger ?? NullLogger.Instance,
            spec.ToString(),
            maps.DefinedBinCount,
            spec.Dimension,
            maps.ParticipationRatio);
        return maps;
    }

    /// <summary>Parses <paramref name="spec"/> and generates its map; see the other overload.</summary>
    public static BaselineMaps Generate(string spec, SpatialGrid grid, Arena arena, ILogger? logger = null) =>
        Generate(Parse(spec), grid, arena, logger);
}
