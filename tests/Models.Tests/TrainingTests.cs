using TorchSharp;
using static TorchSharp.torch;

namespace NeuralPredictivity.Models.Tests;

public sealed class TrainingTests : IDisposable
{
    private static readonly PathIntegratorOptions Tiny = new()
    {
        HiddenSize = 32, PlaceCellCount = 32, BoxWidth = 1, BoxHeight = 1,
    };

    private static readonly TrainingOptions Short = new()
    {
        LearningRate = 1e-2, BatchSize = 20, SequenceLength = 5, Steps = 20,
        CheckpointEvery = 10, CurveEvery = 5, Seed = 3,
    };

    private readonly string _folder = Directory.CreateTempSubdirectory("np-models-").FullName;

    public TrainingTests() => torch.set_num_threads(1);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void LossFallsAndDecodingErrorDropsWellBelowChance()
    {
        var network = new PathIntegratorOptions { HiddenSize = 64, PlaceCellCount = 64, BoxWidth = 1, BoxHeight = 1 };
        var training = new TrainingOptions
        {
            LearningRate = 1e-2, BatchSize = 50, SequenceLength = 5, Steps = 250,
            CheckpointEvery = 250, CurveEvery = 25,
        };

        using var trained = PathIntegratorTrainer.Train(Path.Combine(_folder, "learn"), network, training);

        // Chance: guessing a uniform random position in a 1 m square misses by 0.5214 m on average.
        const double chanceCm = 52.14;
        var curve = trained.TrainingCurve;
        Assert.True(curve[^1].Loss < curve[0].Loss - 0.05, $"loss {curve[0].Loss:0.0000} → {curve[^1].Loss:0.0000}");
        Assert.True(curve[^1].DecodingErrorCm < chanceCm / 2, $"decoding error {curve[^1].DecodingErrorCm:0.0} cm");
        Assert.True(curve[0].DecodingErrorCm > curve[^1].DecodingErrorCm + 10);
    }

    [Fact]
    public void CheckpointRoundTripRestoresWeightsSettingsAndCurve()
    {
        var path = Path.Combine(_folder, "roundtrip");
        using var trained = PathIntegratorTrainer.Train(path, Tiny, Short);

        using var loaded = PathIntegrator.Load(path + ".json");

        Assert.Equal(Tiny, loaded.Options);
        Assert.Equal(Short, loaded.Training);
        Assert.Equal(20, loaded.CompletedTrainingSteps);
        Assert.Equal(trained.TrainingCurve, loaded.TrainingCurve);
        AssertSameWeights(trained, loaded);
    }

    [Fact]
    public void ResumedRunEndsWithTheWeightsOfAnUninterruptedOne()
    {
        using var straight = PathIntegratorTrainer.Train(Path.Combine(_folder, "straight"), Tiny, Short);
        var split = Path.Combine(_folder, "split");
        PathIntegratorTrainer.Train(split, Tiny, Short with { Steps = 10 }).Dispose();

        using var resumed = PathIntegratorTrainer.Train(split, Tiny, Short, resume: true);

        Assert.Equal(20, resumed.CompletedTrainingSteps);
        Assert.Equal(straight.TrainingCurve, resumed.TrainingCurve);
        AssertSameWeights(straight, resumed);
    }

    [Fact]
    public void CancelledRunSavesACheckpointThatResumesExactly()
    {
        using var straight = PathIntegratorTrainer.Train(Path.Combine(_folder, "whole"), Tiny, Short);
        var path = Path.Combine(_folder, "cancelled");
        using var cancel = new CancellationTokenSource();
        var progress = new Reporter(p =>
        {
            if (p.Step == 15)
            {
                cancel.Cancel();
            }
        });

        Assert.ThrowsAny<OperationCanceledException>(() =>
            PathIntegratorTrainer.Train(path, Tiny, Short, progress: progress, cancellationToken: cancel.Token));
        using (var partial = PathIntegrator.Load(path))
        {
            Assert.Equal(15, partial.CompletedTrainingSteps);
        }

        using var resumed = PathIntegratorTrainer.Train(path, Tiny, Short, resume: true);
        AssertSameWeights(straight, resumed);
    }

    [Fact]
    public void ExistingCheckpointIsNotOverwrittenWithoutResume()
    {
        var path = Path.Combine(_folder, "exists");
        PathIntegratorTrainer.Train(path, Tiny, Short with { Steps = 2 }).Dispose();

        var error = Assert.Throws<CheckpointConflictException>(() => PathIntegratorTrainer.Train(path, Tiny, Short));

        Assert.Contains("--resume", error.Message);
    }

    [Fact]
    public void ResumeWithOtherSettingsIsRefused()
    {
        var path = Path.Combine(_folder, "other");
        PathIntegratorTrainer.Train(path, Tiny, Short with { Steps = 2 }).Dispose();

        var error = Assert.Throws<CheckpointConflictException>(() =>
            PathIntegratorTrainer.Train(path, Tiny with { HiddenSize = 16 }, Short, resume: true));

        Assert.Contains("cannot resume with different settings", error.Message);
    }

    [Fact]
    public void WeightsFromAnotherSaveAreDetected()
    {
        var path = Path.Combine(_folder, "tampered");
        PathIntegratorTrainer.Train(path, Tiny, Short with { Steps = 2 }).Dispose();
        var bytes = File.ReadAllBytes(path + ".weights");
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(path + ".weights", bytes);

        var error = Assert.Throws<InvalidDataException>(() => PathIntegrator.Load(path));

        Assert.Contains("SHA-256", error.Message);
    }

    [Theory]
    [InlineData(CoreKind.VanillaRnn, Activation.Tanh, TargetKind.Gaussian)]
    [InlineData(CoreKind.VanillaRnn, Activation.Sigmoid, TargetKind.SoftmaxDifferenceOfGaussians)]
    [InlineData(CoreKind.VanillaRnn, Activation.Linear, TargetKind.Cartesian)]
    [InlineData(CoreKind.Lstm, Activation.Relu, TargetKind.SoftmaxGaussian)]
    [InlineData(CoreKind.Gru, Activation.Relu, TargetKind.DifferenceOfGaussians)]
    [InlineData(CoreKind.Ugrnn, Activation.Relu, TargetKind.Polar)]
    public void EveryCoreAndTargetTrainsAndRoundTrips(CoreKind core, Activation activation, TargetKind targets)
    {
        var options = Tiny with { Core = core, Activation = activation, Targets = targets };
        var path = Path.Combine(_folder, $"{core}-{activation}-{targets}");

        using var trained = PathIntegratorTrainer.Train(path, options, Short with { Steps = 5, CurveEvery = 1 });
        using var loaded = PathIntegrator.Load(path);

        Assert.All(
            trained.TrainingCurve, p => Assert.True(double.IsFinite(p.Loss) && double.IsFinite(p.DecodingErrorCm)));
        AssertSameWeights(trained, loaded);
    }

    [Fact]
    public void UntrainedNetworksDependOnlyOnTheirSeed()
    {
        using var a = PathIntegrator.CreateUntrained(Tiny, 5);
        using var b = PathIntegrator.CreateUntrained(Tiny, 5);
        using var c = PathIntegrator.CreateUntrained(Tiny, 6);

        AssertSameWeights(a, b);
        Assert.False(a.Network.Core.WeightHiddenHidden.eq(c.Network.Core.WeightHiddenHidden).all().item<bool>());
        Assert.Equal(0, a.CompletedTrainingSteps);
    }

    internal static void AssertSameWeights(PathIntegrator expected, PathIntegrator actual)
    {
        var left = expected.Network.state_dict();
        var right = actual.Network.state_dict();
        Assert.Equal(left.Keys.Order(), right.Keys.Order());
        foreach (var (key, tensor) in left)
        {
            Assert.True(tensor.eq(right[key]).all().item<bool>(), $"{key} differs");
        }
    }

    private sealed class Reporter(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
