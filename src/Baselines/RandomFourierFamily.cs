using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Baselines;

/// <summary>Random Fourier features of position: plane waves √2·cos(ω·p + φ).</summary>
/// <remarks>
/// ω ~ N(0, I/ℓ²) (2-D, rad/cm) and φ ~ U[0, 2π), one draw per feature; p is the bin centre (cm).
/// The √2 makes E[f(p) f(q)] = exp(−‖p − q‖² / 2ℓ²), a Gaussian kernel of length scale ℓ (Rahimi and
/// Recht 2007), so the map at large d spans the smooth functions of position with that correlation
/// length. A larger ℓ gives longer waves and a lower participation ratio: ℓ is the matching knob.
/// </remarks>
internal sealed class RandomFourierFamily : PositionFamily
{
    private static readonly BaselineParameter[] FamilyParameters =
    [
        DimensionParameter(),
        BaselineParameter.Length(
            "lengthscale",
            20,
            0.5,
            10_000,
            "ℓ of the Gaussian kernel: ω ~ N(0, 1/ℓ²) per axis (cm)",
            searchMinCm: 1,
            searchMaxCm: 1000),
        SeedParameter(),
    ];

    public override string Name => "random-fourier";

    public override string Description =>
        "Plane waves √2·cos(ω·p + φ) of position, ω ~ N(0, I/ℓ²), φ ~ U[0, 2π): a random basis of smooth " +
        "functions with correlation length ℓ and no path integration.";

    public override IReadOnlyList<BaselineParameter> Parameters => FamilyParameters;

    private protected override void Fill(BaselineSpec spec, Arena arena, BinCentres centres, double[,] values)
    {
        var lengthScale = spec.GetDouble("lengthscale");
        var seed = spec.Seed;
        for (var j = 0; j < values.GetLength(1); j++)
        {
            var random = SeededRandom.ForFeature(seed, Name, j);
            var omegaX = random.NextGaussian() / lengthScale;
            var omegaY = random.NextGaussian() / lengthScale;
            var phase = random.NextUniform(0, 2 * Math.PI);
            for (var i = 0; i < centres.Count; i++)
            {
                values[i, j] = Math.Sqrt(2) * Math.Cos(omegaX * centres.X(i) + omegaY * centres.Y(i) + phase);
            }
        }
    }
}
