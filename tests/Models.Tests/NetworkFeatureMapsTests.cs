using NeuralPredictivity.Datasets;
using PureHDF;
using static TorchSharp.torch;

namespace NeuralPredictivity.Models.Tests;

public sealed class NetworkFeatureMapsTests
{
    private static readonly PathIntegratorOptions Small = new() { HiddenSize = 16, PlaceCellCount = 32 };

    private static readonly SyntheticTrajectoryProtocol FewTrajectories = new()
    {
        BatchCount = 3, TrajectoriesPerBatch = 100, StepsPerTrajectory = 20, Seed = 4,
    };

    [Fact]
    public void SyntheticMapsAreMeanActivationsPerBinAndNaNOutsideTheArena()
    {
        using var network = PathIntegrator.CreateUntrained(Small, 1);
        // A 100 cm arena centred at (20, −10) on a 160 cm grid: bins beyond the arena are never visited.
        var arena = new ArenaBox(20, -10, 100, 100);
        var grid = SpatialGrid.Centred(20, -10, 160, 160, 10);

        var maps = NetworkFeatureMaps.FromSyntheticTrajectories(
            network, grid, arena, FewTrajectories with { BatchCount = 1 });
        var expected = ManualMeans(network, grid, arena, FewTrajectories with { BatchCount = 1 });

        Assert.Equal((grid.BinCount, 16), (maps.BinCount, maps.ColumnCount));
        Assert.Equal(network.UnitIds, maps.ColumnIds);
        for (var bin = 0; bin < grid.BinCount; bin++)
        {
            for (var unit = 0; unit < 16; unit++)
            {
                // Float32 activations averaged in float64 on both sides: differences ≲ 1e-6 relative.
                Assert.Equal(expected[bin, unit], maps.Values[bin, unit], 5);
            }
        }

        Assert.True(double.IsNaN(maps.Values[0, 0]), "a corner bin 60 cm outside the arena is unvisited");
        Assert.True(maps.FiniteBins().Count(f => f) > 80);
    }

    [Fact]
    public void SameSeedGivesIdenticalMaps()
    {
        using var network = PathIntegrator.CreateUntrained(Small, 2);
        var grid = SpatialGrid.Centred(0, 0, 150, 150, 5);
        var arena = new ArenaBox(0, 0, 150, 150);

        var first = NetworkFeatureMaps.FromSyntheticTrajectories(network, grid, arena, FewTrajectories);
        var second = NetworkFeatureMaps.FromSyntheticTrajectories(network, grid, arena, FewTrajectories);

        Assert.Equal(first.Values.Cast<double>(), second.Values.Cast<double>());
    }

    [Fact]
    public void TrackedMapsDoNotDependOnChunkLength()
    {
        using var network = PathIntegrator.CreateUntrained(Small with { Core = CoreKind.Lstm }, 3);
        var (t, x, y) = BenTrajectory(1500);
        var grid = SpatialGrid.Centred(0, 0, 150, 150, 5);
        var arena = new ArenaBox(0, 0, 150, 150);

        var whole = NetworkFeatureMaps.FromTrackedTrajectory(network, grid, arena, t, x, y);
        var chunked = NetworkFeatureMaps.FromTrackedTrajectory(network, grid, arena, t, x, y,
            new TrackedTrajectoryProtocol { ChunkSteps = 37 });

        Assert.Equal(whole.Values.Cast<double>(), chunked.Values.Cast<double>());
        Assert.Contains(whole.Values.Cast<double>(), double.IsNaN);
        Assert.True(whole.FiniteBins().Count(f => f) > 100);
    }

    [Fact]
    public void ReanchoringChangesTheStateButNotTheVisitedBins()
    {
        using var network = PathIntegrator.CreateUntrained(Small, 3);
        var (t, x, y) = BenTrajectory(1000);
        var grid = SpatialGrid.Centred(0, 0, 150, 150, 10);
        var arena = new ArenaBox(0, 0, 150, 150);

        var carried = NetworkFeatureMaps.FromTrackedTrajectory(
            network, grid, arena, t, x, y, new() { ChunkSteps = 50 });
        var anchored = NetworkFeatureMaps.FromTrackedTrajectory(network, grid, arena, t, x, y,
            new() { ChunkSteps = 50, ReanchorEachChunk = true });

        Assert.Equal(carried.FiniteBins(), anchored.FiniteBins());
        Assert.NotEqual(carried.Values.Cast<double>(), anchored.Values.Cast<double>());
    }

    [Fact]
    public void LongTrackingGapsSplitTheSessionAndShortOnesAreBridged()
    {
        // 25 Hz samples along a line; NaN for 0.4 s (bridged) and for 3 s (split).
        var t = Enumerable.Range(0, 500).Select(i => i * 0.04).ToArray();
        var x = t.Select(s => -50 + 5 * s).ToArray();
        var y = t.Select(_ => 0.0).ToArray();
        for (var i = 100; i < 110; i++)
        {
            x[i] = double.NaN;
        }

        for (var i = 300; i < 375; i++)
        {
            y[i] = double.NaN;
        }

        var segments = TrackedTrajectory.Resample(t, x, y, 0.02, 1.0);

        Assert.Equal(2, segments.Count);
        // First segment: 0 … 11.96 s at 50 Hz, straight through the short gap.
        Assert.Equal(599, segments[0].X.Length);
        Assert.Equal(-50 + 5 * 0.02 * 250, segments[0].X[250], 9);
        Assert.Equal(-50 + 5 * 15.0, segments[1].X[0], 9);
    }

    [Fact]
    public void MismatchedOrUntrackedInputIsRejected()
    {
        using var network = PathIntegrator.CreateUntrained(Small, 3);
        var grid = SpatialGrid.Centred(0, 0, 100, 100, 10);
        var arena = new ArenaBox(0, 0, 100, 100);

        Assert.Throws<ArgumentException>(() =>
            NetworkFeatureMaps.FromTrackedTrajectory(network, grid, arena, [0, 1, 2], [0, 1], [0, 1, 2]));
        Assert.Throws<ArgumentException>(() =>
            NetworkFeatureMaps.FromTrackedTrajectory(network, grid, arena, [0, 1, 1], [0, 1, 2], [0, 1, 2]));
        Assert.Throws<ArgumentException>(() => NetworkFeatureMaps.FromTrackedTrajectory(
            network, grid, arena, [0, 1, 2], [double.NaN, 1, double.NaN], [0, 1, 2]));
        Assert.Throws<ArgumentException>(() => NetworkFeatureMaps.FromSyntheticTrajectories(
            network, grid, new ArenaBox(0, 0, -5, 100)));
    }

    /// <summary>The first samples of Stensola et al. (2012) session BEN (Kavli grid-cell data site).</summary>
    internal static (double[] T, double[] X, double[] Y) BenTrajectory(int samples)
    {
        using var file = H5File.OpenRead(RepositoryFiles.Recording("stensola2012_ben.h5"));
        return (file.Dataset("/position/t").Read<double[]>()[..samples],
            file.Dataset("/position/x").Read<double[]>()[..samples],
            file.Dataset("/position/y").Read<double[]>()[..samples]);
    }

    /// <summary>Re-derives synthetic maps by hand: same trajectories, explicit loops over steps and bins.</summary>
    private static double[,] ManualMeans(
        PathIntegrator network, SpatialGrid grid, ArenaBox arena, SyntheticTrajectoryProtocol protocol)
    {
        var generator = new TrajectoryGenerator(
            network.Options.Trajectory, arena.WidthCm / 100, arena.HeightCm / 100, false);
        var batch = generator.Generate(protocol.TrajectoriesPerBatch, protocol.StepsPerTrajectory,
            NumPyLegacyRandom.DeriveSeed(protocol.Seed, 0));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var start = tensor(batch.StartPositionsFlat()).reshape(-1, 2);
        var hidden = network.Network.Hidden(tensor(batch.VelocitiesFlat()).reshape(batch.Steps, -1, 2),
            network.Network.InitialState(network.Targets.Encode(start)), out _).data<float>().ToArray();

        var units = network.HiddenSize;
        var sums = new double[grid.BinCount, units];
        var counts = new int[grid.BinCount];
        for (var t = 0; t < batch.Steps; t++)
        {
            for (var b = 0; b < batch.BatchSize; b++)
            {
                var bin = grid.BinIndex(
                    arena.CentreXCm + 100 * batch.Positions[t, b, 0], arena.CentreYCm + 100 * batch.Positions[t, b, 1]);
                if (bin < 0)
                {
                    continue;
                }

                counts[bin]++;
                for (var u = 0; u < units; u++)
                {
                    sums[bin, u] += hidden[(t * batch.BatchSize + b) * units + u];
                }
            }
        }

        for (var bin = 0; bin < grid.BinCount; bin++)
        {
            for (var u = 0; u < units; u++)
            {
                sums[bin, u] = counts[bin] == 0 ? double.NaN : sums[bin, u] / counts[bin];
            }
        }

        return sums;
    }
}
