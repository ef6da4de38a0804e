using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Baselines;

/// <summary>The spatially shuffled control of any family: <c>shuffled:&lt;spec&gt;</c>.</summary>
/// <remarks>
/// Generates the inner spec's map, then permutes its defined bins with <see cref="SpatialShuffle"/>.
/// The permutation's seed is the inner spec's seed (drawn from a separate stream), so one spec fixes
/// both the map and its shuffle. The spectrum, and so the participation ratio, equals the inner map's.
/// </remarks>
internal sealed class ShuffledFamily : BaselineFamily
{
    public override string Name => "shuffled";

    public override string Description =>
        "Any family's map with its defined bins randomly permuted (same spectrum and participation ratio, " +
        "no spatial structure): the null control that should predict nothing.";

    public override IReadOnlyList<BaselineParameter> Parameters => [];

    public override string Syntax => "shuffled:<spec of any family>";

    public override string DefaultMatchParameter(BaselineSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Inner!.Family.DefaultMatchParameter(spec.Inner);
    }

    internal override SpatialMaps Generate(BaselineSpec spec, SpatialGrid grid, Arena arena)
    {
        var inner = spec.Inner ?? throw new ArgumentException("A shuffled spec needs an inner spec.", nameof(spec));
        var maps = inner.Family.Generate(inner, grid, arena);
        return SpatialShuffle.Permute(maps, inner.Seed);
    }
}
