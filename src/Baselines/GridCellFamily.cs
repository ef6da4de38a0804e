using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Baselines;

/// <summary>Idealised multi-module grid cells: sums of three plane waves 60° apart.</summary>
/// <remarks>
/// Cell j belongs to module m = j mod M, whose spacing is λ_m = λ₀·ρ^m (ρ ≈ 1.42, the ratio between
/// adjacent modules reported by Stensola et al. 2012). Each cell draws its own orientation θ ~ U[0°, 60°)
/// and a spatial phase c uniform over one unit cell of its lattice. With wave number κ = 4π / (√3 λ)
/// and unit vectors e_k at θ + k·60° (k = 0, 1, 2):
/// g(p) = Σ_k cos(κ e_k·(p − c)), rescaled to f = (g + 3/2) / (9/2) ∈ [0, 1]. The fields are on a
/// hexagonal lattice of side λ with lattice vectors at θ + 30° and θ + 90°. Larger spacings give
/// smoother maps and a lower participation ratio: λ₀ is the matching knob.
/// </remarks>
internal sealed class GridCellFamily : PositionFamily
{
    private static readonly BaselineParameter[] FamilyParameters =
    [
        DimensionParameter(),
        BaselineParameter.Length(
            "spacing",
            40,
            2,
            10_000,
            "field spacing λ₀ of the smallest module (cm)",
            searchMinCm: 5,
            searchMaxCm: 1000),
        BaselineParameter.Integer("modules", 4, 1, 64, "number of modules M; cell j is in module j mod M"),
        BaselineParameter.Number("ratio", 1.42, 1, 10, "spacing ratio ρ between adjacent modules"),
        SeedParameter(),
    ];

    public override string Name => "grid-cells";

    public override string Description =>
        "Idealised grid cells (three plane waves 60° apart) in modules of spacing λ₀·ρ^m with random " +
        "orientation and phase per cell: periodic hexagonal fields with no learned path integration.";

    public override IReadOnlyList<BaselineParameter> Parameters => FamilyParameters;

    private protected override void Fill(BaselineSpec spec, Arena arena, BinCentres centres, double[,] values)
    {
        var smallest = spec.GetDouble("spacing");
        var modules = spec.GetInt32("modules");
        var ratio = spec.GetDouble("ratio");

        for (var j = 0; j < values.GetLength(1); j++)
        {
            var spacing = smallest * Math.Pow(ratio, j % modules);
            var random = SeededRandom.ForFeature(spec.Seed, Name, j);
            var orientation = random.NextUniform(0, Math.PI / 3);
            var (u, v) = (random.NextDouble(), random.NextDouble());
            var cell = GridCell.Create(spacing, orientation, u, v);
            for (var i = 0; i < centres.Count; i++)
            {
                values[i, j] = cell.Rate(centres.X(i), centres.Y(i));
            }
        }
    }
}
