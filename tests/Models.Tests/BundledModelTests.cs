using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Models.Tests;

public sealed class BundledModelTests
{
    [Fact]
    public void BundledModelLoadsWithItsTrainingRecord()
    {
        using var network = PathIntegrator.LoadBundled();

        Assert.Equal(256, network.HiddenSize);
        Assert.Equal(TargetKind.SoftmaxGaussian, network.Options.Targets);
        Assert.True(network.CompletedTrainingSteps >= 1000);
        // Chance in the 2.2 m training box is ≈ 115 cm (mean distance of two uniform points).
        Assert.True(network.TrainingCurve[^1].DecodingErrorCm < 15, $"{network.TrainingCurve[^1].DecodingErrorCm} cm");
    }

    [Fact]
    public void BundledModelYieldsFeatureMapsOnStensolaBenGridByBothProtocols()
    {
        // Stensola et al. (2012) session BEN, 150 cm box centred at (0, 0) (Kavli grid-cell data site).
        using var network = PathIntegrator.LoadBundled();
        var grid = SpatialGrid.Centred(0, 0, 150, 150, 5);
        var arena = new ArenaBox(0, 0, 150, 150);
        var (t, x, y) = NetworkFeatureMapsTests.BenTrajectory(2500);

        var synthetic = NetworkFeatureMaps.FromSyntheticTrajectories(network, grid, arena,
            new SyntheticTrajectoryProtocol { BatchCount = 5 });
        var tracked = NetworkFeatureMaps.FromTrackedTrajectory(network, grid, arena, t, x, y);

        Assert.Equal((900, 256), (synthetic.BinCount, synthetic.ColumnCount));
        Assert.Equal((900, 256), (tracked.BinCount, tracked.ColumnCount));
        Assert.True(synthetic.FiniteBins().Count(f => f) > 850, "20,000 synthetic positions cover the box");
        Assert.InRange(tracked.FiniteBins().Count(f => f), 100, 899);
        Assert.Contains(synthetic.Values.Cast<double>(), v => v > 0);
    }
}
