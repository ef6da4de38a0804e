using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Baselines;

/// <summary>Place-cell basis: one round Gaussian or difference-of-Gaussians field per feature.</summary>
/// <remarks>
/// Field centres c are uniform over the arena's floor. With r = ‖p − c‖ and width σ:
/// Gaussian f = exp(−r²/2σ²); DoG f = [exp(−r²/2σ²) − s⁻² exp(−r²/2s²σ²)] / (1 − s⁻²),
/// where s is the surround scale. The s⁻² weight makes the DoG integrate to zero over the plane
/// (centre–surround, as in Sorscher et al. 2019's place-cell targets); the divisor keeps the peak
/// at 1. σ is the standard deviation, not the field diameter (the half-maximum diameter is
/// 2.355 σ). A wider σ gives smoother, more correlated fields and a lower participation ratio:
/// σ is the matching knob.
/// </remarks>
internal sealed class PlaceCellFamily : PositionFamily
{
    private static readonly BaselineParameter[] FamilyParameters =
    [
        DimensionParameter(),
        BaselineParameter.Length(
            "width",
            12,
            0.5,
            1000,
            "σ of each Gaussian field (cm); half-maximum diameter is 2.355 σ",
            searchMinCm: 1,
            searchMaxCm: 1000),
        BaselineParameter.Choice(
            "profile", "gaussian", ["gaussian", "dog"], "field shape: Gaussian or centre–surround DoG"),
        BaselineParameter.Number("surround", 2, 1.05, 20, "DoG only: surround σ as a multiple of the centre σ"),
        SeedParameter(),
    ];

    public override string Name => "place-cells";

    public override string Description =>
        "Round place fields (Gaussian or difference of Gaussians) of width σ at random centres in the arena: " +
        "a local basis of position with no path integration.";

    public override IReadOnlyList<BaselineParameter> Parameters => FamilyParameters;

    private protected override void Fill(BaselineSpec spec, Arena arena, BinCentres centres, double[,] values)
    {
        var width = spec.GetDouble("width");
        var isDog = spec.GetString("profile") == "dog";
        var surround = spec.GetDouble("surround");
        var centreScale = 1 / (2 * width * width);
        var surroundScale = centreScale / (surround * surround);
        var surroundWeight = 1 / (surround * surround);

        for (var j = 0; j < values.GetLength(1); j++)
        {
            var (cx, cy) = arena.SamplePoint(SeededRandom.ForFeature(spec.Seed, Name, j));
            for (var i = 0; i < centres.Count; i++)
            {
                var dx = centres.X(i) - cx;
                var dy = centres.Y(i) - cy;
                var squared = dx * dx + dy * dy;
                values[i, j] = isDog
                    ? (Math.Exp(-squared * centreScale) - surroundWeight * Math.Exp(-squared * surroundScale))
                        / (1 - surroundWeight)
                    : Math.Exp(-squared * centreScale);
            }
        }
    }
}
