using System.Globalization;

namespace NeuralPredictivity.Baselines.Tests;

public sealed class SeededRandomTests
{
    [Fact]
    public void StreamMatchesTheIndependentReference()
    {
        // tests/golden/baselines/stream.csv: the same SplitMix64 stream computed in Python integers.
        var expected = File.ReadLines(TestGrids.Golden("stream.csv"))
            .Where(l => !l.StartsWith('#'))
            .SelectMany(l => l.Split(','))
            .Select(v => (ulong)double.Parse(v, CultureInfo.InvariantCulture))
            .ToArray();

        var random = SeededRandom.ForFeature(7, "random-fourier", 2);
        var actual = new List<ulong>();
        for (var i = 0; i < 4; i++)
        {
            actual.Add(random.NextUInt64() >> 32);
            actual.Add(random.NextUInt64() & 0xFFFFFFFFUL);
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void GaussianDrawsHaveUnitVarianceAndZeroMean()
    {
        // n = 200,000 standard normals: SE of the mean 1/√n ≈ 0.0022, of the variance √(2/n) ≈ 0.0032;
        // 5 SE gives 0.011 and 0.016.
        var random = SeededRandom.ForFeature(1, "test", 0);
        var draws = Enumerable.Range(0, 200_000).Select(_ => random.NextGaussian()).ToArray();

        var mean = draws.Average();
        var variance = draws.Sum(x => (x - mean) * (x - mean)) / (draws.Length - 1);

        Assert.InRange(mean, -0.011, 0.011);
        Assert.InRange(variance, 1 - 0.016, 1 + 0.016);
    }

    [Fact]
    public void IntegersCoverTheirRangeUniformly()
    {
        // 7 cells × 10,000 expected counts: SD √(n p (1 − p)) ≈ 93; 5 SD is 465.
        var random = SeededRandom.ForFeature(2, "test", 0);
        var counts = new int[7];
        for (var i = 0; i < 70_000; i++)
        {
            counts[random.NextInt(7)]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 10_000 - 465, 10_000 + 465));
    }

    [Fact]
    public void DifferentKeysGiveDifferentStreams()
    {
        var draws = new[]
        {
            SeededRandom.ForFeature(0, "a", 0).NextUInt64(),
            SeededRandom.ForFeature(1, "a", 0).NextUInt64(),
            SeededRandom.ForFeature(0, "b", 0).NextUInt64(),
            SeededRandom.ForFeature(0, "a", 1).NextUInt64(),
        };

        Assert.Equal(draws.Length, draws.Distinct().Count());
    }
}
