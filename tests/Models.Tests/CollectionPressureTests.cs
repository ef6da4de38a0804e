using NeuralPredictivity.Datasets;
using NeuralPredictivity.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace NeuralPredictivity.Models.Tests;

/// <summary>Training and feature maps give the same bytes whether or not collections and finalisers run while
/// LibTorch works: no operand of theirs is left for a finaliser to free mid-operation.</summary>
public sealed class CollectionPressureTests
{
    // Large enough that operations take a while, small enough for CI: a collection then often lands inside one.
    private static readonly PathIntegratorOptions Medium = new() { HiddenSize = 128, PlaceCellCount = 256 };

    public CollectionPressureTests() => torch.set_num_threads(1);

    [Fact]
    public void TrainingStepsGiveTheSameWeights()
    {
        using var quiet = PathIntegrator.CreateUntrained(Medium, 5);
        using var pressed = PathIntegrator.CreateUntrained(Medium, 5);

        Train(quiet);
        CollectionPressure.During(() => Train(pressed));

        var quietWeights = quiet.Network.parameters().Select(p => p.data<float>().ToArray()).ToList();
        var pressedWeights = pressed.Network.parameters().Select(p => p.data<float>().ToArray()).ToList();
        Assert.Equal(quietWeights.Count, pressedWeights.Count);
        for (var i = 0; i < quietWeights.Count; i++)
        {
            Assert.Equal(quietWeights[i], pressedWeights[i]);
        }
    }

    [Fact]
    public void PlaceCellTargetsAreTheSame()
    {
        // The operation that crashed a long training run: distances of 4,000 positions to 512 place cells. Before
        // square() and tensor + tensor were replaced (they make hidden Scalars), this failed within 10 calls.
        using var targets = new PositionTargets(new PathIntegratorOptions { PlaceCellCount = 512 });
        var generator = new Generator(8);
        using var unit = rand([200, 20, 2], generator: generator);
        using var scale = 2.2f.ToScalar();
        using var shift = 1.1f.ToScalar();
        using var scaled = unit.mul(scale);
        using var positions = scaled.sub(shift);
        using var quiet = targets.Encode(positions);
        var expected = quiet.data<float>().ToArray();

        var mismatches = 0;
        CollectionPressure.During(() =>
        {
            for (var call = 0; call < 24; call++)
            {
                using var pressed = targets.Encode(positions);
                mismatches += expected.SequenceEqual(pressed.data<float>().ToArray()) ? 0 : 1;
            }
        });

        Assert.Equal(0, mismatches);
    }

    [Fact]
    public void SyntheticFeatureMapsAreTheSame()
    {
        using var network = PathIntegrator.CreateUntrained(Medium with { Core = CoreKind.Gru }, 6);
        var grid = SpatialGrid.Centred(0, 0, 150, 150, 5);
        var arena = new ArenaBox(0, 0, 150, 150);
        var protocol = new SyntheticTrajectoryProtocol
        {
            BatchCount = 40, TrajectoriesPerBatch = 100, StepsPerTrajectory = 20, Seed = 7,
        };

        var quiet = NetworkFeatureMaps.FromSyntheticTrajectories(network, grid, arena, protocol);
        SpatialMaps? pressed = null;
        CollectionPressure.During(() =>
            pressed = NetworkFeatureMaps.FromSyntheticTrajectories(network, grid, arena, protocol));

        Assert.Equal(quiet.Values.Cast<double>(), pressed!.Values.Cast<double>());
    }

    private static void Train(PathIntegrator integrator)
    {
        var options = integrator.Options;
        var generator = new TrajectoryGenerator(options.Trajectory, options.BoxWidth, options.BoxHeight,
            options.Periodic);
        using var optimizer = new AdamOptimizer(integrator.Network.parameters(), learningRate: 1e-3);
        integrator.Network.train();
        for (var step = 0; step < 40; step++)
        {
            var batch = generator.Generate(50, 10, (uint)step);
            PathIntegratorTrainer.Step(integrator.Network, integrator.Targets, optimizer, batch, weightDecay: 1e-4);
        }
    }
}
