using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using NeuralPredictivity.Benchmark;
using NeuralPredictivity.Cli.Terminal;
using NeuralPredictivity.Models;
using TorchSharp;

namespace NeuralPredictivity.Cli.Commands;

/// <summary><c>predictivity train</c>: trains or resumes a path integrator and writes its checkpoint.</summary>
internal static class TrainCommand
{
    private static readonly Option<string> Out = new("--out", "-o")
    {
        Description = "Checkpoint base path X: writes X.json (settings, curve), X.weights and X.optimizer.",
        Required = true,
    };

    private static readonly Option<bool> Resume = new("--resume")
    {
        Description = "Continue the checkpoint at --out from its last saved step, with its own settings (only "
            + "--steps may change).",
    };

    private static readonly Option<int> Steps = new("--steps")
    {
        Description = "Total optimiser steps.", DefaultValueFactory = _ => new TrainingOptions().Steps,
    };

    private static readonly Option<int> Seed = new("--seed")
    {
        Description = "Seed of the initial weights and of every batch of trajectories.", DefaultValueFactory = _ => 0,
    };

    private static readonly Option<double> LearningRate = new("--lr")
    {
        Description = "Adam learning rate.", DefaultValueFactory = _ => new TrainingOptions().LearningRate,
    };

    private static readonly Option<double> WeightDecay = new("--weight-decay")
    {
        Description = "λ of the penalty λ‖W_hh‖² on recurrent weights only.",
        DefaultValueFactory = _ => new TrainingOptions().WeightDecay,
    };

    private static readonly Option<int> Batch = new("--batch")
    {
        Description = "Trajectories per step.", DefaultValueFactory = _ => new TrainingOptions().BatchSize,
    };

    private static readonly Option<int> SequenceLength = new("--seq-length")
    {
        Description = "Time steps per trajectory (0.02 s each).",
        DefaultValueFactory = _ => new TrainingOptions().SequenceLength,
    };

    private static readonly Option<int> CheckpointEvery = new("--checkpoint-every")
    {
        Description = "Steps between checkpoints.", DefaultValueFactory = _ => new TrainingOptions().CheckpointEvery,
    };

    private static readonly Option<int> CurveEvery = new("--curve-every")
    {
        Description = "Steps per training-curve point and progress line.",
        DefaultValueFactory = _ => new TrainingOptions().CurveEvery,
    };

    private static readonly Option<CoreKind> Core = new("--core")
    {
        Description = "Recurrent core: VanillaRnn, Lstm, Gru or Ugrnn.", DefaultValueFactory = _ => CoreKind.VanillaRnn,
    };

    private static readonly Option<Activation> ActivationOption = new("--activation")
    {
        Description = "Vanilla RNN nonlinearity: Relu, Tanh, Linear or Sigmoid.",
        DefaultValueFactory = _ => Activation.Relu,
    };

    private static readonly Option<int> Hidden = new("--hidden")
    {
        Description = "Recurrent units (the papers use 4096).",
        DefaultValueFactory = _ => new PathIntegratorOptions().HiddenSize,
    };

    private static readonly Option<TargetKind> Targets = new("--targets")
    {
        Description = "Gaussian, DifferenceOfGaussians, SoftmaxGaussian, SoftmaxDifferenceOfGaussians, " +
                      "DifferenceOfSoftmaxes, Cartesian or Polar.",
        DefaultValueFactory = _ => TargetKind.DifferenceOfSoftmaxes,
    };

    private static readonly Option<int> PlaceCells = new("--place-cells")
    {
        Description = "Number of place cells.", DefaultValueFactory = _ => new PathIntegratorOptions().PlaceCellCount,
    };

    private static readonly Option<double> PlaceCellWidth = new("--place-cell-width")
    {
        Description = "Place-cell width σ in metres.",
        DefaultValueFactory = _ => new PathIntegratorOptions().PlaceCellWidth,
    };

    private static readonly Option<double> SurroundScale = new("--surround-scale")
    {
        Description = "Surround σ² / centre σ² of difference-of-Gaussians targets.",
        DefaultValueFactory = _ => new PathIntegratorOptions().SurroundScale,
    };

    private static readonly Option<int> PlaceCellSeed = new("--place-cell-seed")
    {
        Description = "Seed of the place-cell centres (NumPy legacy stream).", DefaultValueFactory = _ => 0,
    };

    private static readonly Option<double> BoxWidth = new("--box-width")
    {
        Description = "Training box width in metres.", DefaultValueFactory = _ => new PathIntegratorOptions().BoxWidth,
    };

    private static readonly Option<double> BoxHeight = new("--box-height")
    {
        Description = "Training box height in metres.",
        DefaultValueFactory = _ => new PathIntegratorOptions().BoxHeight,
    };

    private static readonly Option<bool> Periodic = new("--periodic")
    {
        Description = "Train in a periodic box (a torus) instead of one with walls.",
    };

    private static readonly Option<int> Threads = new("--threads")
    {
        Description = "Compute threads (at most the core count).",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    internal static Command Create()
    {
        var command = new Command(
            "train",
            "Train a path-integrating RNN on simulated trajectories (Sorscher et al. 2019 setup) and write a " +
            "resumable checkpoint; Ctrl+C saves a checkpoint and stops.");
        foreach (var option in new Option[]
                 {
                     Out, Resume, Steps, Seed, LearningRate, WeightDecay, Batch, SequenceLength, CheckpointEvery,
                     CurveEvery, Core, ActivationOption, Hidden, Targets, PlaceCells, PlaceCellWidth, SurroundScale,
                     PlaceCellSeed, BoxWidth, BoxHeight, Periodic, Threads,
                 })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(parse, cancellationToken)));
        return command;
    }

    private static int Run(ParseResult parse, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var outPath = parse.GetValue(Out)!;

        // Resuming starts from the checkpoint's own settings: options left out take its values, options given
        // must agree with it (the trainer names any that differ), and --steps may grow.
        (PathIntegratorOptions Network, TrainingOptions? Training, int CompletedSteps)? saved;
        try
        {
            saved = parse.GetValue(Resume) ? PathIntegratorTrainer.SavedSettings(outPath) : null;
        }
        catch (InvalidDataException ex)
        {
            error.WriteLine($"train: --out: {ex.Message}");
            return 1;
        }

        var savedNetwork = saved?.Network ?? new PathIntegratorOptions();
        var savedTraining = saved?.Training ?? new TrainingOptions();
        T Given<T>(Option<T> option, T fromCheckpoint) =>
            saved is null || parse.GetResult(option) is { Implicit: false } ? parse.GetValue(option)! : fromCheckpoint;
        var network = new PathIntegratorOptions
        {
            Core = Given(Core, savedNetwork.Core),
            Activation = Given(ActivationOption, savedNetwork.Activation),
            HiddenSize = Given(Hidden, savedNetwork.HiddenSize),
            Targets = Given(Targets, savedNetwork.Targets),
            PlaceCellCount = Given(PlaceCells, savedNetwork.PlaceCellCount),
            PlaceCellWidth = Given(PlaceCellWidth, savedNetwork.PlaceCellWidth),
            SurroundScale = Given(SurroundScale, savedNetwork.SurroundScale),
            PlaceCellSeed = Given(PlaceCellSeed, savedNetwork.PlaceCellSeed),
            BoxWidth = Given(BoxWidth, savedNetwork.BoxWidth),
            BoxHeight = Given(BoxHeight, savedNetwork.BoxHeight),
            Periodic = Given(Periodic, savedNetwork.Periodic),
        };
        var training = new TrainingOptions
        {
            LearningRate = Given(LearningRate, savedTraining.LearningRate),
            WeightDecay = Given(WeightDecay, savedTraining.WeightDecay),
            BatchSize = Given(Batch, savedTraining.BatchSize),
            SequenceLength = Given(SequenceLength, savedTraining.SequenceLength),
            Steps = Given(Steps, savedTraining.Steps),
            Seed = Given(Seed, savedTraining.Seed),
            CheckpointEvery = Given(CheckpointEvery, savedTraining.CheckpointEvery),
            CurveEvery = Given(CurveEvery, savedTraining.CurveEvery),
        };

        var problems = network.Problems().Concat(training.Problems()).ToList();
        if (saved is { CompletedSteps: var done } && training.Steps <= done)
        {
            problems.Add($"--steps: expected more than the {done} steps the checkpoint at {outPath} has taken; " +
                $"found {training.Steps}");
        }

        var threads = parse.GetValue(Threads);
        if (threads < 1 || threads > Environment.ProcessorCount)
        {
            problems.Add($"--threads must be between 1 and the core count {Environment.ProcessorCount}, got {threads}");
        }

        if (problems.Count > 0)
        {
            error.WriteLine("train: " + string.Join("; ", problems) + ".");
            return 2;
        }

        torch.set_num_threads(threads);
        using var loggerFactory = CliLogging.Create(CommonOptions.MinimumLevel(parse));
        var logger = loggerFactory.CreateLogger("train");
        var lines = new PhaseProgress<string>(error, line => line.StartsWith("done", StringComparison.Ordinal));
        var report = new SynchronousProgress<TrainingProgress>(p => lines.Report(string.Create(
            CultureInfo.InvariantCulture,
            $"{(p.Step == p.TotalSteps ? "done " : "")}step {p.Step}/{p.TotalSteps}  loss {p.Loss:0.0000}  " +
            $"decoding error {p.DecodingErrorCm:0.0} cm  {p.Elapsed.TotalSeconds:0.0} s")));
        try
        {
            using var trained = PathIntegratorTrainer.Train(outPath, network, training, parse.GetValue(Resume), logger,
                report, cancellationToken);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"saved {outPath}.json / .weights / .optimizer: {trained}, {trained.TrainingSeconds:0.0} s"));
            return 0;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine($"train: cancelled; checkpoint saved at {outPath}.json / .weights / .optimizer, resume " +
                $"with --resume --out {outPath}.");
            return RunCommand.Cancelled;
        }
        catch (FileNotFoundException ex) when (parse.GetValue(Resume))
        {
            error.WriteLine($"train: {ex.Message}");
            return 2;
        }
        catch (CheckpointConflictException ex)
        {
            // Found before any step: the --out / --resume choice is wrong, a usage error like the others.
            error.WriteLine($"train: --out: {ex.Message}");
            return 2;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or InvalidDataException)
        {
            logger.LogError("{Message}", ErrorMessage.Of(ex));
            return 1;
        }
    }
}
