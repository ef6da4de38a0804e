using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace NeuralPredictivity.Models;

/// <summary>Trains path integrators with Adam, writing resumable checkpoints.</summary>
/// <remarks>
/// Each step simulates a fresh batch (<see cref="TrajectoryGenerator"/>), encodes the start
/// positions into the initial state, unrolls the core over the displacements and minimises the
/// target loss plus λ‖W_hh‖². Checkpoints are written every
/// <see cref="TrainingOptions.CheckpointEvery"/> steps, at the end, and when the run is cancelled;
/// resuming loads weights and Adam's state and continues with the batches an uninterrupted run
/// would have drawn, so the result does not depend on where the run was interrupted.
/// </remarks>
public static class PathIntegratorTrainer
{
    /// <summary>Trains (or resumes) a network and returns it; the checkpoint at
    /// <paramref name="checkpointPath"/> is kept current.</summary>
    /// <param name="checkpointPath">Checkpoint base path X (files X.json, X.weights, X.optimizer).</param>
    /// <param name="network">Architecture and environment; must equal the checkpoint's when resuming.</param>
    /// <param name="training">Optimiser settings; when resuming only the step and logging counts may differ.</param>
    /// <param name="resume">Continue an existing checkpoint; without it an existing checkpoint is an error.</param>
    /// <param name="logger">Receives one line per phase; null for none.</param>
    /// <param name="progress">Receives a report every <see cref="TrainingOptions.CurveEvery"/> steps.</param>
    /// <param name="cancellationToken">Stops after the current step, saves a checkpoint and throws
    /// <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="IOException">A checkpoint exists and <paramref name="resume"/> is false.</exception>
    /// <exception cref="FileNotFoundException"><paramref name="resume"/> is true and there is no checkpoint to
    /// resume: a mistyped path would otherwise start a new run silently.</exception>
    /// <exception cref="ArgumentException">Settings are invalid or differ from the checkpoint being
    /// resumed.</exception>
    public static PathIntegrator Train(
        string checkpointPath,
        PathIntegratorOptions network,
        TrainingOptions training,
        bool resume = false,
        ILogger? logger = null,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(training);
        network.Validate();
        training.Validate();
        logger ??= NullLogger.Instance;
        var basePath = CheckpointSidecar.BasePath(checkpointPath);
        var exists = File.Exists(CheckpointSidecar.SidecarPath(basePath));
        if (exists && !resume)
        {
            throw new CheckpointConflictException(
                $"{CheckpointSidecar.SidecarPath(basePath)} already exists; pass --resume to continue it or choose " +
                "another output path.");
        }

        if (resume && !exists)
        {
            throw new FileNotFoundException(
                $"--resume: no checkpoint to resume at {CheckpointSidecar.SidecarPath(basePath)} (looked for the " +
                "sidecar of --out); give the --out of the interrupted run, or leave out --resume to start a new one.",
                CheckpointSidecar.SidecarPath(basePath));
        }

        var integrator = exists
            ? OpenForResume(basePath, network, training)
            : PathIntegrator.CreateUntrained(network, training.Seed);
        try
        {
            Run(integrator, basePath, training, exists, logger, progress, cancellationToken);
            return integrator;
        }
        catch
        {
            integrator.Dispose();
            throw;
        }
    }

    /// <summary>The network and training settings a checkpoint was written with and the steps it has taken, or
    /// null when there is no checkpoint at <paramref name="checkpointPath"/>; a resumed run starts from these.
    /// </summary>
    /// <param name="checkpointPath">Checkpoint base path X (or X.json).</param>
    /// <exception cref="InvalidDataException">The sidecar exists but cannot be read.</exception>
    public static (PathIntegratorOptions Network, TrainingOptions? Training, int CompletedSteps)? SavedSettings(
        string checkpointPath)
    {
        var basePath = CheckpointSidecar.BasePath(checkpointPath);
        if (!File.Exists(CheckpointSidecar.SidecarPath(basePath)))
        {
            return null;
        }

        var sidecar = CheckpointSidecar.Read(basePath);
        return (sidecar.Network, sidecar.Training, sidecar.CompletedSteps);
    }

    private static PathIntegrator OpenForResume(
        string basePath, PathIntegratorOptions network, TrainingOptions training)
    {
        var sidecar = CheckpointSidecar.Read(basePath);
        var differences = new List<string>();
        if (sidecar.Network != network)
        {
            differences.Add($"network {PathIntegrator.Describe(sidecar.Network)} (checkpoint) vs " +
                            $"{PathIntegrator.Describe(network)} (requested), or other network settings differ");
        }

        if (sidecar.Training is null || !training.ContinuesFrom(sidecar.Training))
        {
            differences.Add($"training settings {sidecar.Training} (checkpoint) vs {training} (requested)");
        }

        if (differences.Count > 0)
        {
            throw new CheckpointConflictException(
                $"{CheckpointSidecar.SidecarPath(basePath)}: cannot resume with different settings: " +
                string.Join("; ", differences) + ". Only --steps may change when resuming.");
        }

        if (sidecar.OptimizerFile is null)
        {
            throw new InvalidDataException(
                $"{CheckpointSidecar.SidecarPath(basePath)}: has no optimizer state, so training cannot resume " +
                "exactly (bundled and imported checkpoints carry weights only). Start a new run instead.");
        }

        CheckpointSidecar.VerifyHash(basePath, CheckpointSidecar.OptimizerPath(basePath), sidecar.OptimizerSha256);
        return PathIntegrator.Load(basePath);
    }

    private static void Run(
        PathIntegrator integrator,
        string basePath,
        TrainingOptions training,
        bool resumed,
        ILogger logger,
        IProgress<TrainingProgress>? progress,
        CancellationToken cancellationToken)
    {
        var options = integrator.Options;
        var net = integrator.Network;
        var targets = integrator.Targets;
        var generator = new TrajectoryGenerator(
            options.Trajectory, options.BoxWidth, options.BoxHeight, options.Periodic);
        var curve = integrator.TrainingCurve.ToList();
        var completed = integrator.CompletedTrainingSteps;
        var previousSeconds = integrator.TrainingSeconds;

        using var optimizer = new AdamOptimizer(net.parameters(), training.LearningRate);
        if (resumed)
        {
            optimizer.Load(CheckpointSidecar.OptimizerPath(basePath));
            Log.TrainingResumed(logger, basePath, completed, training.Steps);
        }
        else
        {
            Log.TrainingStarted(logger, PathIntegrator.Describe(options), training.Steps, training.BatchSize,
                training.SequenceLength, training.LearningRate);
        }

        var watch = Stopwatch.StartNew();
        double Seconds() => previousSeconds + watch.Elapsed.TotalSeconds;
        void Save()
        {
            integrator.RecordTraining(training, completed, curve, Seconds());
            integrator.SaveCheckpoint(basePath, path =>
                CheckpointSidecar.WriteAtomically(path, optimizer.Save));
            Log.CheckpointSaved(logger, basePath, completed);
        }

        net.train();
        var (lossSum, errorSum, windowSteps) = (0.0, 0.0, 0);
        while (completed < training.Steps)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                Save();
                Log.TrainingInterrupted(logger, completed, basePath);
                cancellationToken.ThrowIfCancellationRequested();
            }

            var batch = generator.Generate(training.BatchSize, training.SequenceLength,
                NumPyLegacyRandom.DeriveSeed(training.Seed, completed));
            var (loss, error) = Step(net, targets, optimizer, batch, training.WeightDecay);
            completed++;
            (lossSum, errorSum, windowSteps) = (lossSum + loss, errorSum + error, windowSteps + 1);

            if (completed % training.CurveEvery == 0 || completed == training.Steps)
            {
                var point = new TrainingCurvePoint(completed, lossSum / windowSteps, errorSum / windowSteps);
                curve.Add(point);
                (lossSum, errorSum, windowSteps) = (0.0, 0.0, 0);
                Log.TrainingStep(logger, completed, point.Loss, point.DecodingErrorCm);
                progress?.Report(new TrainingProgress(completed, training.Steps, point.Loss, point.DecodingErrorCm,
                    TimeSpan.FromSeconds(Seconds())));
            }

            if (completed % training.CheckpointEvery == 0 || completed == training.Steps)
            {
                Save();
            }
        }

        net.eval();
        integrator.RecordTraining(training, completed, curve, Seconds());
        Log.TrainingFinished(logger, completed, Seconds(), curve.Count > 0 ? curve[^1].DecodingErrorCm : double.NaN);
    }

    /// <summary>One Adam step on one batch; returns the target loss and the decoding error in cm.</summary>
    internal static (double Loss, double DecodingErrorCm) Step(
        PathIntegratorNetwork net, PositionTargets targets, AdamOptimizer optimizer, TrajectoryBatch batch,
        double weightDecay)
    {
        using var scope = NewDisposeScope();
        var (steps, size) = (batch.Steps, batch.BatchSize);
        var velocities = tensor(batch.VelocitiesFlat()).reshape(steps, size, 2);
        var positions = tensor(batch.PositionsFlat()).reshape(steps, size, 2);
        var start = tensor(batch.StartPositionsFlat()).reshape(size, 2);

        var hidden = net.Hidden(velocities, net.InitialState(targets.Encode(start)), out _);
        var predictions = net.Readout(hidden);
        var targetLoss = targets.Loss(predictions, targets.Encode(positions));
        using var decay = weightDecay.ToScalar();
        using var one = 1.ToScalar();
        var total = weightDecay > 0 ? targetLoss.add(decay * net.RecurrentPenalty(), one) : targetLoss;

        optimizer.ZeroGradients();
        total.backward();
        optimizer.Step();
        return (targetLoss.item<float>(), targets.DecodingErrorCm(predictions.detach(), positions));
    }
}
