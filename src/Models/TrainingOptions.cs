namespace NeuralPredictivity.Models;

/// <summary>How a path integrator is trained: optimiser, batches, length, seed and checkpointing.</summary>
/// <remarks>
/// Adam on every parameter with <see cref="LearningRate"/> (default 1e-4, Sorscher et al. 2019).
/// Weight decay is an L2 penalty λ‖W_hh‖² added to the loss on the hidden-to-hidden weights only
/// (default λ = 1e-4), not Adam's decoupled decay. Each step draws a fresh batch of
/// <see cref="BatchSize"/> trajectories of <see cref="SequenceLength"/> steps; batch k of a run
/// uses a seed derived from (<see cref="Seed"/>, k), so a resumed run sees exactly the batches an
/// uninterrupted one would. <see cref="Seed"/> also initialises the weights.
/// </remarks>
public sealed record TrainingOptions
{
    /// <summary>Adam learning rate (default 1e-4).</summary>
    public double LearningRate { get; init; } = 1e-4;

    /// <summary>λ of the penalty λ‖W_hh‖² on recurrent weights (default 1e-4).</summary>
    public double WeightDecay { get; init; } = 1e-4;

    /// <summary>Trajectories per step (default 200).</summary>
    public int BatchSize { get; init; } = 200;

    /// <summary>Time steps per trajectory (default 20).</summary>
    public int SequenceLength { get; init; } = 20;

    /// <summary>Total optimiser steps; a resumed run continues up to this count (default 1000).</summary>
    public int Steps { get; init; } = 1000;

    /// <summary>Seed of the initial weights and of every batch (default 0).</summary>
    public int Seed { get; init; }

    /// <summary>Steps between checkpoints (default 500); the last step is always saved.</summary>
    public int CheckpointEvery { get; init; } = 500;

    /// <summary>Steps averaged into each training-curve point and progress report (default 10).</summary>
    public int CurveEvery { get; init; } = 10;

    /// <summary>Every problem with these values, empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate))
        {
            problems.Add($"learning rate must be > 0, got {LearningRate}");
        }

        if (!(WeightDecay >= 0) || !double.IsFinite(WeightDecay))
        {
            problems.Add($"weight decay must be ≥ 0, got {WeightDecay}");
        }

        if (BatchSize < 1)
        {
            problems.Add($"batch size must be ≥ 1, got {BatchSize}");
        }

        if (SequenceLength < 1)
        {
            problems.Add($"sequence length must be ≥ 1, got {SequenceLength}");
        }

        if (Steps < 1)
        {
            problems.Add($"steps must be ≥ 1, got {Steps}");
        }

        if (CheckpointEvery < 1)
        {
            problems.Add($"checkpoint interval must be ≥ 1 step, got {CheckpointEvery}");
        }

        if (CurveEvery < 1)
        {
            problems.Add($"curve interval must be ≥ 1 step, got {CurveEvery}");
        }

        return problems;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> listing every problem, if there is any.</summary>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid training options: " + string.Join("; ", problems) + ".");
        }
    }

    /// <summary>Whether another run's settings continue this one (all equal except the step and
    /// logging counts).</summary>
    internal bool ContinuesFrom(TrainingOptions other) =>
        this with { Steps = 0, CheckpointEvery = 1, CurveEvery = 1 }
        == other with { Steps = 0, CheckpointEvery = 1, CurveEvery = 1 };
}
