using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Baselines;

/// <summary>A kind of baseline representation: a recipe for a (bins × d) feature map from a seed.</summary>
/// <remarks>
/// Every family takes at least <c>d</c> (number of features) and <c>seed</c>. The same spec on the
/// same grid and arena gives the same bytes; another seed gives another map. Families are listed in
/// <see cref="BaselineFamilies.All"/> and instantiated through <see cref="BaselineSpec"/>.
/// </remarks>
public abstract class BaselineFamily
{
    private protected BaselineFamily()
    {
    }

    /// <summary>Name used in specs, e.g. <c>random-fourier</c>.</summary>
    public abstract string Name { get; }

    /// <summary>One or two sentences: what the features are and what the family controls for.</summary>
    public abstract string Description { get; }

    /// <summary>The family's parameters in canonical order (d first, seed last).</summary>
    public abstract IReadOnlyList<BaselineParameter> Parameters { get; }

    /// <summary>Template of the spec syntax, e.g. <c>random-fourier:d=…,lengthscale=…,seed=…</c>.</summary>
    public virtual string Syntax => $"{Name}:" + string.Join(",", Parameters.Select(p => $"{p.Name}=…"));

    /// <summary>
    /// The parameter varied by default to match a target participation ratio while keeping d fixed
    /// (a length scale or width); <c>d</c> when the spec has no such parameter.
    /// </summary>
    public virtual string DefaultMatchParameter(BaselineSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Parameters.FirstOrDefault(p => p.IsMatchable && p.Name != "d")?.Name ?? "d";
    }

    /// <summary>Builds the (bins × d) map of <paramref name="spec"/> on <paramref name="grid"/>.</summary>
    internal abstract SpatialMaps Generate(BaselineSpec spec, SpatialGrid grid, Arena arena);

    internal static BaselineParameter DimensionParameter(int defaultValue = 512) => BaselineParameter.Integer(
        "d", defaultValue, 1, 1 << 16, "number of features (columns of the map)", searchMin: 1, searchMax: 4096);

    internal static BaselineParameter SeedParameter() => BaselineParameter.Integer(
        "seed", 0, 0, int.MaxValue, "seed of every random draw; same seed, same bytes");
}
