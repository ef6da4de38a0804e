namespace NeuralPredictivity.Models;

/// <summary>A batch of simulated trajectories, time-major as recurrent networks consume them.</summary>
/// <remarks>
/// Positions are metres in a box centred on (0, 0). <see cref="Velocities"/>[t, b] is the
/// displacement of trajectory b during step t (metres per step, i.e. velocity × dt), so
/// <c>Positions[t] = Positions[t − 1] + Velocities[t]</c> with <c>Positions[−1] = StartPositions</c>
/// (before periodic wrapping). The network's input at step t is <c>Velocities[t]</c>, its target
/// the place-cell code of <c>Positions[t]</c>, and its initial state encodes <c>StartPositions</c>.
/// </remarks>
internal sealed class TrajectoryBatch
{
    internal TrajectoryBatch(int batchSize, int steps)
    {
        BatchSize = batchSize;
        Steps = steps;
        StartPositions = new double[batchSize, 2];
        Velocities = new double[steps, batchSize, 2];
        Positions = new double[steps, batchSize, 2];
        Speeds = new double[steps, batchSize];
        Headings = new double[steps, batchSize];
        NearWall = new bool[steps, batchSize];
    }

    internal int BatchSize { get; }

    internal int Steps { get; }

    /// <summary>(batch × 2) start positions, m.</summary>
    internal double[,] StartPositions { get; }

    /// <summary>(steps × batch × 2) displacement per step, m.</summary>
    internal double[,,] Velocities { get; }

    /// <summary>(steps × batch × 2) position after each step, m.</summary>
    internal double[,,] Positions { get; }

    /// <summary>(steps × batch) speed used in each step, m/s (after any border slowdown).</summary>
    internal double[,] Speeds { get; }

    /// <summary>(steps × batch) heading of each step's displacement, rad.</summary>
    internal double[,] Headings { get; }

    /// <summary>(steps × batch) whether border avoidance acted at the start of the step.</summary>
    internal bool[,] NearWall { get; }

    /// <summary>Start positions as a flat (batch × 2) float array, row-major.</summary>
    internal float[] StartPositionsFlat() => Flatten(StartPositions);

    /// <summary>Velocities as a flat (steps × batch × 2) float array, row-major.</summary>
    internal float[] VelocitiesFlat() => Flatten(Velocities);

    /// <summary>Positions as a flat (steps × batch × 2) float array, row-major.</summary>
    internal float[] PositionsFlat() => Flatten(Positions);

    private static float[] Flatten(Array values)
    {
        var flat = new float[values.Length];
        var i = 0;
        foreach (double value in values)
        {
            flat[i++] = (float)value;
        }

        return flat;
    }
}
