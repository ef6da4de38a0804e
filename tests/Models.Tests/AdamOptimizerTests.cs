using NeuralPredictivity.Testing;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NeuralPredictivity.Models.Tests;

public sealed class AdamOptimizerTests : IDisposable
{
    // The parameter shapes of a small vanilla RNN: encoder, recurrent weights and bias, readout.
    private static readonly long[][] Shapes = [[32, 16], [32, 32], [32], [16, 32], [16]];

    // Those of the bundled model (256 units, 512 place cells): operations long enough for a collection to
    // land inside one.
    private static readonly long[][] BundledShapes = [[256, 512], [256, 256], [256], [512, 256], [512]];

    private readonly string _folder = Directory.CreateTempSubdirectory("np-adam-").FullName;

    public AdamOptimizerTests() => torch.set_num_threads(1);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void StepsGiveTheBytesOfTorchSharpsAdam()
    {
        // Reference: TorchSharp's optim.Adam, same defaults (β = 0.9, 0.999; ε = 1e-8), run without collection
        // pressure, where its temporary scalars survive. Same operations in the same order: equal bytes.
        var ours = Parameters(seed: 1);
        var reference = Parameters(seed: 1);
        using var adam = new AdamOptimizer(ours, learningRate: 3e-3);
        using var torchAdam = optim.Adam(reference, lr: 3e-3);

        for (var step = 0; step < 25; step++)
        {
            Descend(ours, adam.ZeroGradients, adam.Step, step);
            Descend(reference, () => torchAdam.zero_grad(), () => torchAdam.step(), step);
        }

        Assert.Equal(25, adam.StepCount);
        for (var i = 0; i < ours.Length; i++)
        {
            Assert.Equal(reference[i].data<float>().ToArray(), ours[i].data<float>().ToArray());
        }
    }

    [Fact]
    public void StepsUnderCollectionPressureGiveTheBytesOfStepsWithout()
    {
        // A thread that collects and runs finalisers without pause is what freed TorchSharp's temporary scalars
        // mid-operation (with optim.Adam in place of ours, this test failed in each of 3 tries); every coefficient
        // here is kept alive, so the bytes cannot depend on when collections happen.
        var quiet = Parameters(seed: 2, BundledShapes);
        var pressed = Parameters(seed: 2, BundledShapes);
        using var quietAdam = new AdamOptimizer(quiet, learningRate: 1e-3);
        using var pressedAdam = new AdamOptimizer(pressed, learningRate: 1e-3);
        for (var step = 0; step < 300; step++)
        {
            Descend(quiet, quietAdam.ZeroGradients, quietAdam.Step, step);
        }

        CollectionPressure.During(() =>
        {
            for (var step = 0; step < 300; step++)
            {
                Descend(pressed, pressedAdam.ZeroGradients, pressedAdam.Step, step);
            }
        });

        for (var i = 0; i < quiet.Length; i++)
        {
            Assert.Equal(quiet[i].data<float>().ToArray(), pressed[i].data<float>().ToArray());
        }
    }

    [Fact]
    public void SavedStateContinuesExactly()
    {
        var path = Path.Combine(_folder, "state.optimizer");
        var straight = Parameters(seed: 3);
        var resumed = Parameters(seed: 3);
        using var straightAdam = new AdamOptimizer(straight, learningRate: 1e-2);
        using (var first = new AdamOptimizer(resumed, learningRate: 1e-2))
        {
            for (var step = 0; step < 5; step++)
            {
                Descend(first, step, resumed);
            }

            first.Save(path);
        }

        using var second = new AdamOptimizer(resumed, learningRate: 1e-2);
        second.Load(path);
        for (var step = 5; step < 10; step++)
        {
            Descend(second, step, resumed);
        }

        for (var step = 0; step < 10; step++)
        {
            Descend(straightAdam, step, straight);
        }

        Assert.Equal(10, second.StepCount);
        for (var i = 0; i < straight.Length; i++)
        {
            Assert.Equal(straight[i].data<float>().ToArray(), resumed[i].data<float>().ToArray());
        }
    }

    [Fact]
    public void TorchSharpsSavedStateResumesWithTheBytesOfTorchSharpsAdam()
    {
        // Checkpoints written before this class hold optim.Adam's own state file; resuming one with ours must
        // take the steps optim.Adam would have taken from it.
        var reference = Parameters(seed: 5);
        using var torchAdam = optim.Adam(reference, lr: 3e-3);
        for (var step = 0; step < 10; step++)
        {
            Descend(reference, () => torchAdam.zero_grad(), () => torchAdam.step(), step);
        }

        var saved = Path.Combine(_folder, "torchsharp.optimizer");
        torchAdam.save_state_dict(saved);
        var ours = reference.Select(p => new Parameter(p.detach().clone())).ToArray();
        using var adam = new AdamOptimizer(ours, learningRate: 3e-3);
        adam.Load(saved);
        Assert.Equal(10, adam.StepCount);

        for (var step = 10; step < 20; step++)
        {
            Descend(reference, () => torchAdam.zero_grad(), () => torchAdam.step(), step);
            Descend(ours, adam.ZeroGradients, adam.Step, step);
        }

        for (var i = 0; i < ours.Length; i++)
        {
            Assert.Equal(reference[i].data<float>().ToArray(), ours[i].data<float>().ToArray());
        }
    }

    [Fact]
    public void TheBundledModelsTorchSharpOptimiserStateLoadsWithItsStepCount()
    {
        using var bundled = PathIntegrator.LoadBundled();
        using var adam = new AdamOptimizer(bundled.Network.parameters(), learningRate: 3e-3);

        // The optimiser file stays in the repository's models/ (build outputs carry only the network).
        adam.Load(Path.Combine(RepositoryFiles.Root, "models", "rnn_relu_256_sg.optimizer"));

        Assert.Equal(bundled.CompletedTrainingSteps, adam.StepCount);
    }

    [Fact]
    public void AnotherFormatATruncatedFileOrOtherParametersAreRefusedNamingTheFile()
    {
        var parameters = Parameters(seed: 4);
        using var adam = new AdamOptimizer(parameters, learningRate: 1e-3);
        var torchFormat = Path.Combine(_folder, "torchsharp.optimizer");
        using (var torchAdam = optim.Adam(parameters, lr: 1e-3))
        {
            torchAdam.save_state_dict(torchFormat);
        }

        var ours = Path.Combine(_folder, "ours.optimizer");
        adam.Save(ours);
        var other = Path.Combine(_folder, "weights-not-state.optimizer");
        File.WriteAllBytes(other, File.ReadAllBytes(ours)[8..]);
        var truncated = Path.Combine(_folder, "truncated.optimizer");
        File.WriteAllBytes(truncated, File.ReadAllBytes(ours)[..^100]);
        using var fewer = new AdamOptimizer(parameters[..3], learningRate: 1e-3);
        var resized = Parameters(seed: 4);
        resized[1] = new Parameter(zeros(32, 8));
        using var reshaped = new AdamOptimizer(resized, learningRate: 1e-3);

        var format = Assert.Throws<InvalidDataException>(() => adam.Load(other));
        var ends = Assert.Throws<InvalidDataException>(() => adam.Load(truncated));
        var count = Assert.Throws<InvalidDataException>(() => fewer.Load(ours));
        var torchCount = Assert.Throws<InvalidDataException>(() => fewer.Load(torchFormat));
        var shape = Assert.Throws<InvalidDataException>(() => reshaped.Load(ours));

        Assert.Equal($"{other}: expected an optimiser state starting 'neuralpredictivity-adam' (this toolkit) or "
            + "'Adam' (TorchSharp's Adam, in checkpoints written before version 0.1.0); found neither.",
            format.Message);
        Assert.Equal($"{truncated}: the optimiser state ends early (truncated file).", ends.Message);
        Assert.Equal($"{ours}: expected moments of 3 parameters; found 5.", count.Message);
        Assert.StartsWith($"{torchFormat}: expected ", torchCount.Message);
        Assert.Equal($"{ours}: expected parameter 1's moments as Float32 [32, 8]; found Float32 [32, 32].",
            shape.Message);
    }

    private static Parameter[] Parameters(int seed, long[][]? shapes = null)
    {
        var generator = new Generator((ulong)seed);
        return (shapes ?? Shapes).Select(shape => new Parameter(randn(shape, generator: generator))).ToArray();
    }

    private static void Descend(AdamOptimizer adam, int step, Parameter[] parameters) =>
        Descend(parameters, adam.ZeroGradients, adam.Step, step);

    /// <summary>One step on Σ (θ − target)² with a target that moves with the step, so moments keep changing.
    /// </summary>
    private static void Descend(Parameter[] parameters, Action zeroGradients, Action step, int index)
    {
        using var scope = NewDisposeScope();
        using var target = MathF.Sin(index).ToScalar();
        using var one = 1.ToScalar();
        using var two = 2.ToScalar();
        zeroGradients();
        var loss = parameters
            .Select(p => (p - target).pow(two).sum())
            .Aggregate((a, b) => a.add(b, one));
        loss.backward();
        step();
    }
}
