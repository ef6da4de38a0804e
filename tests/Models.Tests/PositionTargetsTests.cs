using static TorchSharp.torch;

namespace NeuralPredictivity.Models.Tests;

public sealed class PositionTargetsTests
{
    // float32 sums of ≤ 512 values of ≤ 1: rounding ≲ 512 · 6e-8 ≈ 3e-5.
    private const double Float32SumTol = 5e-5;

    [Theory]
    [InlineData(TargetKind.SoftmaxGaussian)]
    [InlineData(TargetKind.SoftmaxDifferenceOfGaussians)]
    [InlineData(TargetKind.DifferenceOfSoftmaxes)]
    public void SoftmaxTargetsAreDistributionsOverPlaceCells(TargetKind kind)
    {
        using var targets = new PositionTargets(new PathIntegratorOptions { Targets = kind });
        using var positions = RandomPositions(300, 1.1);

        using var code = targets.Encode(positions);

        Assert.True(targets.UsesCrossEntropy);
        Assert.True(code.min().item<float>() >= 0);
        var sums = code.sum(-1).data<float>().ToArray();
        Assert.All(sums, s => Assert.InRange(s, 1 - Float32SumTol, 1 + Float32SumTol));
    }

    [Theory]
    [InlineData(TargetKind.Gaussian)]
    [InlineData(TargetKind.DifferenceOfGaussians)]
    public void PlainTuningPeaksAtOneOnTheCentre(TargetKind kind)
    {
        using var targets = new PositionTargets(new PathIntegratorOptions { Targets = kind, PlaceCellCount = 8 });
        var centres = targets.Centres;
        using var atCentres = tensor(Enumerable.Range(0, 8)
                .SelectMany(i => new[] { (float)centres[i, 0], (float)centres[i, 1] })
                .ToArray())
            .reshape(8, 2);

        using var code = targets.Encode(atCentres);

        Assert.False(targets.UsesCrossEntropy);
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(1.0, code[i, i].item<float>(), 5);
        }
    }

    [Fact]
    public void DifferenceOfGaussiansIntegratesToZero()
    {
        // One cell at the origin of a 4 m box; integrate its tuning over a 2 mm lattice to ±1 m
        // (8σ, where the surround has decayed to e⁻¹⁶). The positive centre alone integrates to
        // ≈ 2πσ²·(1/(1 − 1/r)) ≈ 0.18 m², so a residual below 1e-3 m² shows the zero volume.
        var centres = new double[3, 2] { { 0, 0 }, { 1.9, 1.9 }, { -1.9, -1.9 } };
        using var targets = new PositionTargets(
            new PathIntegratorOptions
            {
                Targets = TargetKind.DifferenceOfGaussians, PlaceCellCount = 3, BoxWidth = 4, BoxHeight = 4
            },
            centres);
        const int n = 1001;
        var coordinates = Enumerable.Range(0, n).Select(i => (float)(-1 + 2.0 * i / (n - 1))).ToArray();
        using var grid = tensor(coordinates.SelectMany(y => coordinates.SelectMany(x => new[] { x, y })).ToArray())
            .reshape(-1, 2);

        using var code = targets.Encode(grid);
        var cell = code[TensorIndex.Colon, 0].to_type(ScalarType.Float64);
        var binArea = Math.Pow(2.0 / (n - 1), 2);

        Assert.True(Math.Abs(cell.sum().item<double>() * binArea) < 1e-3);
        Assert.True(cell.min().item<double>() < 0, "the surround is negative");
    }

    [Fact]
    public void PeriodicBoxMeasuresDistanceTheShortWayRound()
    {
        var centres = new double[3, 2] { { -1.05, 0 }, { 0, 0 }, { 0.5, 0.5 } };
        var options = new PathIntegratorOptions { Targets = TargetKind.Gaussian, PlaceCellCount = 3, Periodic = true };
        using var targets = new PositionTargets(options, centres);

        using var code = targets.Encode(tensor(new[] { 1.05f, 0f }).reshape(1, 2));

        // 1.05 and −1.05 are 0.1 m apart across the 2.2 m torus: exp(−0.01 / (2 · 0.0144)).
        Assert.Equal(Math.Exp(-0.01 / 0.0288), code[0, 0].item<float>(), 4);
    }

    [Theory]
    [InlineData(TargetKind.Cartesian)]
    [InlineData(TargetKind.Polar)]
    public void PositionTargetsDecodeBackToThePosition(TargetKind kind)
    {
        using var targets = new PositionTargets(new PathIntegratorOptions { Targets = kind });
        using var positions = RandomPositions(50, 1.1);

        using var decoded = targets.Decode(targets.Encode(positions));

        Assert.True((decoded - positions).abs().max().item<float>() < 1e-5);
        Assert.Equal(0.0, targets.DecodingErrorCm(targets.Encode(positions), positions), 3);
    }

    [Fact]
    public void PlaceCellPredictionsDecodeToTheMeanOfTheTopThreeCentres()
    {
        using var targets = new PositionTargets(new PathIntegratorOptions { PlaceCellCount = 10 });
        var scores = new float[10];
        (scores[2], scores[5], scores[7]) = (3f, 2f, 1f);
        var c = targets.Centres;

        using var decoded = targets.Decode(tensor(scores).reshape(1, 10));

        Assert.Equal((c[2, 0] + c[5, 0] + c[7, 0]) / 3, decoded[0, 0].item<float>(), 5);
        Assert.Equal((c[2, 1] + c[5, 1] + c[7, 1]) / 3, decoded[0, 1].item<float>(), 5);
    }

    private static Tensor RandomPositions(int count, double half)
    {
        var random = new NumPyLegacyRandom(99);
        return tensor(Enumerable.Range(0, 2 * count).Select(_ => (float)random.Uniform(-half, half)).ToArray())
            .reshape(count, 2);
    }
}
