using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NeuralPredictivity.Datasets;
using TorchSharp;
using static TorchSharp.torch;

namespace NeuralPredictivity.Models;

/// <summary>Feature maps of a path integrator on a dataset's grid: mean recurrent-state activation per bin.</summary>
/// <remarks>
/// Output is (bins × units) on the given <see cref="SpatialGrid"/>, the same grid as the neuron
/// rate maps, with one column per hidden unit of layer <see cref="PathIntegrator.FeatureLayer"/>
/// (ids <see cref="PathIntegrator.UnitIds"/>). A bin's value is the mean of hₜ over every step
/// whose position (after the step's displacement) falls in the bin; a bin never visited is NaN.
/// Positions convert between the dataset's centimetres and the network's metres through
/// <see cref="ArenaBox"/>. The network is never modified.
/// </remarks>
public static class NetworkFeatureMaps
{
    /// <summary>Drives the network along simulated trajectories in a box the size of the arena
    /// (Nayebi et al. 2021).</summary>
    /// <param name="network">Trained or untrained network.</param>
    /// <param name="grid">The dataset's grid (cm).</param>
    /// <param name="arena">The arena rectangle in the grid's frame (cm).</param>
    /// <param name="protocol">Counts and seed; null for 100 × 200 × 20 with seed 0.</param>
    /// <param name="logger">Receives one summary line; null for none.</param>
    /// <param name="progress">Receives the number of batches done.</param>
    /// <param name="cancellationToken">Checked before each batch.</param>
    public static SpatialMaps FromSyntheticTrajectories(
        PathIntegrator network,
        SpatialGrid grid,
        ArenaBox arena,
        SyntheticTrajectoryProtocol? protocol = null,
        ILogger? logger = null,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(grid);
        arena.Validate();
        protocol ??= new SyntheticTrajectoryProtocol();
        protocol.Validate();
        logger ??= NullLogger.Instance;
        WarnIfArenaTooLarge(network, arena, logger);

        var options = network.Options;
        var generator = new TrajectoryGenerator(
            options.Trajectory, arena.WidthCm / 100, arena.HeightCm / 100, periodic: false);
        using var accumulator = new BinAccumulator(grid, network.HiddenSize);
        using var noGrad = no_grad();
        for (var b = 0; b < protocol.BatchCount; b++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var batch = generator.Generate(protocol.TrajectoriesPerBatch, protocol.StepsPerTrajectory,
                NumPyLegacyRandom.DeriveSeed(protocol.Seed, b));
            var (steps, size) = (batch.Steps, batch.BatchSize);
            var start = tensor(batch.StartPositionsFlat()).reshape(size, 2);
            var velocities = tensor(batch.VelocitiesFlat()).reshape(steps, size, 2);
            var hidden = network.Network.Hidden(
                velocities, network.Network.InitialState(network.Targets.Encode(start)), out _);
            accumulator.Add(hidden.reshape(-1, network.HiddenSize), BinsOf(grid, arena, batch.Positions));
            progress?.Report(b + 1);
        }

        return accumulator.ToMaps(network.UnitIds, logger, "synthetic trajectories");
    }

    /// <summary>Drives the network along the animal's tracked trajectory (velocities from tracking).</summary>
    /// <param name="network">Trained or untrained network.</param>
    /// <param name="grid">The dataset's grid (cm).</param>
    /// <param name="arena">The arena rectangle in the grid's frame (cm).</param>
    /// <param name="times">Sample times, s, strictly increasing.</param>
    /// <param name="x">Tracked x, cm (NaN where tracking was lost).</param>
    /// <param name="y">Tracked y, cm (NaN where tracking was lost).</param>
    /// <param name="protocol">Chunking and gap handling; null for the defaults.</param>
    /// <param name="logger">Receives one summary line and gap warnings; null for none.</param>
    /// <param name="cancellationToken">Checked before each chunk of the trajectory.</param>
    /// <exception cref="ArgumentException">Arrays differ in length, times are not increasing, or fewer
    /// than two positions are tracked.</exception>
    public static SpatialMaps FromTrackedTrajectory(
        PathIntegrator network,
        SpatialGrid grid,
        ArenaBox arena,
        IReadOnlyList<double> times,
        IReadOnlyList<double> x,
        IReadOnlyList<double> y,
        TrackedTrajectoryProtocol? protocol = null,
        ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(grid);
        arena.Validate();
        protocol ??= new TrackedTrajectoryProtocol();
        protocol.Validate();
        logger ??= NullLogger.Instance;
        WarnIfArenaTooLarge(network, arena, logger);

        var segments = TrackedTrajectory.Resample(
            times, x, y, network.Options.Trajectory.TimeStep, protocol.MaxGapSeconds);
        if (segments.Count == 0)
        {
            throw new ArgumentException(
                "The tracked trajectory has fewer than two finite positions in any segment.", nameof(x));
        }

        if (segments.Count > 1)
        {
            Log.TrackingGaps(logger, segments.Count - 1, protocol.MaxGapSeconds);
        }

        using var accumulator = new BinAccumulator(grid, network.HiddenSize);
        using var noGrad = no_grad();
        foreach (var (segmentX, segmentY) in segments)
        {
            RunSegment(network, grid, arena, segmentX, segmentY, protocol, accumulator, cancellationToken);
        }

        return accumulator.ToMaps(network.UnitIds, logger, "tracked trajectory");
    }

    private static void RunSegment(
        PathIntegrator network, SpatialGrid grid, ArenaBox arena, double[] xCm, double[] yCm,
        TrackedTrajectoryProtocol protocol, BinAccumulator accumulator, CancellationToken cancellationToken)
    {
        var net = network.Network;
        RecurrentState? state = null;
        for (var first = 1; first < xCm.Length; first += protocol.ChunkSteps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var count = Math.Min(protocol.ChunkSteps, xCm.Length - first);
            if (state is null || protocol.ReanchorEachChunk)
            {
                var start = tensor(new[]
                    {
                        ToMetres(xCm[first - 1], arena.CentreXCm), ToMetres(yCm[first - 1], arena.CentreYCm)
                    })
                    .reshape(1, 2);
                state = net.InitialState(network.Targets.Encode(start));
            }

            var displacement = new float[count * 2];
            var bins = new long[count];
            for (var k = 0; k < count; k++)
            {
                var i = first + k;
                displacement[2 * k] = (float)((xCm[i] - xCm[i - 1]) / 100);
                displacement[2 * k + 1] = (float)((yCm[i] - yCm[i - 1]) / 100);
                bins[k] = grid.BinIndex(xCm[i], yCm[i]);
            }

            var hidden = net.Hidden(tensor(displacement).reshape(count, 1, 2), state.Value, out var final);
            accumulator.Add(hidden.reshape(count, network.HiddenSize), bins);
            state = new RecurrentState(final.Hidden.detach().MoveToOuterDisposeScope(),
                final.Cell?.detach().MoveToOuterDisposeScope());
        }
    }

    private static long[] BinsOf(SpatialGrid grid, ArenaBox arena, double[,,] positions)
    {
        var (steps, size) = (positions.GetLength(0), positions.GetLength(1));
        var bins = new long[steps * size];
        for (var t = 0; t < steps; t++)
        {
            for (var b = 0; b < size; b++)
            {
                bins[t * size + b] = grid.BinIndex(
                    arena.CentreXCm + 100 * positions[t, b, 0], arena.CentreYCm + 100 * positions[t, b, 1]);
            }
        }

        return bins;
    }

    private static float ToMetres(double cm, double centreCm) => (float)((cm - centreCm) / 100);

    private static void WarnIfArenaTooLarge(PathIntegrator network, ArenaBox arena, ILogger logger)
    {
        var options = network.Options;
        if (!options.Periodic
            && (arena.WidthCm > 100 * options.BoxWidth + 1e-9
                || arena.HeightCm > 100 * options.BoxHeight + 1e-9))
        {
            Log.ArenaLargerThanTrainingBox(logger, arena.WidthCm, arena.HeightCm, 100 * options.BoxWidth,
                100 * options.BoxHeight);
        }
    }

    /// <summary>Sums of activations and visit counts per bin, in float64.</summary>
    private sealed class BinAccumulator(SpatialGrid grid, int units) : IDisposable
    {
        private readonly Tensor _sums = zeros(grid.BinCount, units, dtype: ScalarType.Float64);
        private readonly Tensor _counts = zeros(grid.BinCount, dtype: ScalarType.Float64);
        private long _positions;

        /// <summary>Adds (positions × units) activations at the given bins; bins &lt; 0 (outside the
        /// grid) are skipped.</summary>
        internal void Add(Tensor activations, long[] bins)
        {
            using var scope = NewDisposeScope();
            using var zero = 0.ToScalar();
            using var one = 1.ToScalar();
            var index = tensor(bins);
            var inside = index.ge(zero);
            var kept = index.masked_select(inside);
            var rows = activations.index_select(0, inside.nonzero().squeeze(1)).to_type(ScalarType.Float64);
            _sums.index_add_(0, kept, rows, one);
            _counts.index_add_(0, kept, ones(kept.shape[0], dtype: ScalarType.Float64), one);
            _positions += bins.Length;
        }

        internal SpatialMaps ToMaps(IReadOnlyList<string> unitIds, ILogger logger, string protocol)
        {
            using var scope = NewDisposeScope();
            using var zero = 0.ToScalar();
            using var one = 1.ToScalar();
            using var missing = double.NaN.ToScalar();
            var counts = _counts.unsqueeze(1);
            var means = where(counts.gt(zero), _sums / counts.clamp_min(one), full_like(_sums, missing));
            var flat = means.data<double>().ToArray();
            var values = new double[grid.BinCount, units];
            Buffer.BlockCopy(flat, 0, values, 0, flat.Length * sizeof(double));
            var visited = (int)_counts.gt(zero).sum().item<long>();
            Log.FeatureMapsBuilt(logger, _positions, visited, grid.BinCount, units, protocol);
            return new SpatialMaps(grid, values, unitIds);
        }

        public void Dispose()
        {
            _sums.Dispose();
            _counts.Dispose();
        }
    }
}
