using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace NeuralPredictivity.Models.Tests;

public sealed class PyTorchImportTests
{
    // float32 forward passes of ≤ 16-term sums through ≤ 12 steps, in PyTorch and TorchSharp:
    // each product-sum rounds to ~n·ε₃₂ ≈ 2e-6 relative, compounding over 12 steps to ~3e-5.
    private const double Float32Tol = 1e-4;

    [Fact]
    public void ImportedSorscherNetworkReproducesPyTorchsForwardPass()
    {
        var golden = GoldenModels.Get("tiny_rnn");
        var options = new PathIntegratorOptions
        {
            HiddenSize = golden.GetProperty("hidden").GetInt32(),
            PlaceCellCount = golden.GetProperty("cells").GetInt32(),
        };
        var start = GoldenModels.Flat(golden.GetProperty("start"));
        var velocities = GoldenModels.Flat(golden.GetProperty("velocities"));
        var steps = velocities.Length / start.Length;

        using var network = PathIntegrator.ImportPyTorch(GoldenModels.PathOf("sorscher_rnn_tiny.pt"), options);
        using var scope = NewDisposeScope();
        var startCode = network.Targets.Encode(tensor(start.Select(v => (float)v).ToArray()).reshape(-1, 2));
        var hidden = network.Network.Hidden(
            tensor(velocities.Select(v => (float)v).ToArray()).reshape(steps, -1, 2),
            network.Network.InitialState(startCode),
            out _);
        var predictions = network.Network.Readout(hidden);

        Assert.Equal(Path.GetFullPath(GoldenModels.PathOf("sorscher_rnn_tiny.pt")), network.ImportedFrom);
        TrajectoryGeneratorTests.AssertClose(
            GoldenModels.Flat(golden.GetProperty("hidden_states")), ToDoubles(hidden), Float32Tol);
        TrajectoryGeneratorTests.AssertClose(
            GoldenModels.Flat(golden.GetProperty("predictions")), ToDoubles(predictions), Float32Tol);
    }

    [Fact]
    public void DifferenceOfSoftmaxTargetsMatchPyTorch()
    {
        var golden = GoldenModels.Get("tiny_rnn");
        var options = new PathIntegratorOptions { PlaceCellCount = 16, HiddenSize = 12 };
        var start = GoldenModels.Flat(golden.GetProperty("start"));
        var velocities = GoldenModels.Flat(golden.GetProperty("velocities"));
        var positions = CumulativePositions(start, velocities);

        using var targets = new PositionTargets(options);
        using var code = targets.Encode(tensor(positions.Select(v => (float)v).ToArray()).reshape(-1, 2));

        // Squared distances by |p|² − 2p·c + |c|² in float32 lose ~1e-7 m² against PyTorch's direct
        // differences; through exp(−d²/2σ²)/σ² that is ~1e-5 relative on targets of ~0.06.
        TrajectoryGeneratorTests.AssertClose(GoldenModels.Flat(golden.GetProperty("targets")), ToDoubles(code), 2e-5);
    }

    [Theory]
    [InlineData("lstm_core.pt", CoreKind.Lstm, "lstm")]
    [InlineData("gru_core.pt", CoreKind.Gru, "gru")]
    public void GatedCoresMatchPyTorchsModules(string file, CoreKind core, string expectedName)
    {
        var golden = GoldenModels.Get("cores");
        var options = new PathIntegratorOptions { Core = core, HiddenSize = 5, PlaceCellCount = 4 };
        using var network = new PathIntegratorNetwork(options);
        var state = PyTorchUnpickler.UnpickleStateDict(GoldenModels.PathOf(file));
        using (no_grad())
        {
            foreach (var (name, parameter) in network.Core.named_parameters())
            {
                parameter.copy_((Tensor)state[name]!);
            }
        }

        using var scope = NewDisposeScope();
        var inputs = tensor(GoldenModels.Flat(golden.GetProperty("inputs")).Select(v => (float)v).ToArray())
            .reshape(6, 2, 2);
        var h0 = tensor(GoldenModels.Flat(golden.GetProperty("h0")).Select(v => (float)v).ToArray()).reshape(2, 5);
        var c0 = tensor(GoldenModels.Flat(golden.GetProperty("c0")).Select(v => (float)v).ToArray()).reshape(2, 5);
        var outputs = network.Core.Run(
            inputs, new RecurrentState(h0, core == CoreKind.Lstm ? c0 : null), out var final);

        TrajectoryGeneratorTests.AssertClose(
            GoldenModels.Flat(golden.GetProperty(expectedName)), ToDoubles(outputs), Float32Tol);
        if (core == CoreKind.Lstm)
        {
            TrajectoryGeneratorTests.AssertClose(
                GoldenModels.Flat(golden.GetProperty("lstm_final_cell")), ToDoubles(final.Cell!), Float32Tol);
        }
    }

    [Fact]
    public void StateDictOfAnotherShapeIsRejectedWithTheMismatch()
    {
        var options = new PathIntegratorOptions { HiddenSize = 64, PlaceCellCount = 16 };

        var error = Assert.Throws<InvalidDataException>(() =>
            PathIntegrator.ImportPyTorch(GoldenModels.PathOf("sorscher_rnn_tiny.pt"), options));

        Assert.Contains("'RNN.weight_hh_l0' is (12 × 12), expected (64 × 64)", error.Message);
    }

    [Fact]
    public void LegacyTorchSaveFormatIsNotSupported()
    {
        var options = new PathIntegratorOptions { HiddenSize = 12, PlaceCellCount = 16 };

        var error = Assert.Throws<NotSupportedException>(() =>
            PathIntegrator.ImportPyTorch(GoldenModels.PathOf("sorscher_rnn_tiny_legacy.pt"), options));

        Assert.Contains("legacy format", error.Message);
    }

    [Fact]
    public void FileThatIsNotAStateDictIsRejected()
    {
        var options = new PathIntegratorOptions { HiddenSize = 12, PlaceCellCount = 16 };

        var error = Assert.Throws<InvalidDataException>(() =>
            PathIntegrator.ImportPyTorch(GoldenModels.PathOf("expected.json"), options));

        Assert.Contains("expected.json", error.Message);
    }

    private static double[] CumulativePositions(double[] start, double[] velocities)
    {
        var positions = new double[velocities.Length];
        var current = (double[])start.Clone();
        for (var i = 0; i < velocities.Length; i++)
        {
            current[i % start.Length] += velocities[i];
            positions[i] = current[i % start.Length];
        }

        return positions;
    }

    private static double[] ToDoubles(Tensor tensor) =>
        tensor.detach().to_type(ScalarType.Float64).data<double>().ToArray();
}
