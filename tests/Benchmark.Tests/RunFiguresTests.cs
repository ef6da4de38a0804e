namespace NeuralPredictivity.Benchmark.Tests;

public sealed class RunFiguresTests
{
    [Theory]
    [InlineData(-0.001, "0.00")]
    [InlineData(-0.0, "0.00")]
    [InlineData(-0.006, "-0.01")]
    [InlineData(0.25, "0.25")]
    [InlineData(double.NaN, "NaN")]
    public void LabelNumbersNeverShowANegativeZero(double value, string expected) =>
        Assert.Equal(expected, FigureStyle.Number(value));

    [Fact]
    public void WritesThreePngFiguresForARun()
    {
        var folder = Directory.CreateTempSubdirectory("np-figures-").FullName;
        var result = SyntheticRun.Create();

        RunFigures.WriteAll(folder, result);

        foreach (var file in new[] { RunFigures.RateMapsFile, RunFigures.RNormHistogramFile, RunFigures.CeilingFile })
        {
            var bytes = File.ReadAllBytes(Path.Combine(folder, file));
            Assert.True(bytes.Length > 2000, $"{file} is only {bytes.Length} bytes");
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        }
    }

    [Fact]
    public void ColourScaleStopsAtThe99thPercentileSoOneHotBinDoesNotDarkenTheMap()
    {
        // 0, 1, …, 99 and one 1000 Hz bin: the 99th percentile of 101 values sits at rank 99 → 99 Hz.
        var rates = Enumerable.Range(0, 100).Select(i => (double)i).Append(1000).Append(double.NaN).ToArray();

        Assert.Equal(99.0, RunFigures.ColourTop(rates), 12);
        Assert.Equal(1.0, RunFigures.ColourTop([double.NaN]));
    }

    [Fact]
    public void HistogramCountAxisLeavesRoomAboveTheTallestBarForTheLegend()
    {
        // Seven Hafting neurons, two in one bin: the axis must reach 3, not stop at the bar's top.
        Assert.Equal(3.0, RunFigures.CountAxisTop([2, 1, 1, 0]));
        Assert.Equal(40.0, RunFigures.CountAxisTop([30, 12]));
        Assert.Equal(1.0, RunFigures.CountAxisTop([]));
    }

    [Fact]
    public void ExamplesAreTheBestMedianAndWorstIncludedNeuronsByHeldOutR()
    {
        var result = SyntheticRun.Create();

        var examples = RunFigures.Examples(result.Neurons);

        // Included neurons by r: T01C1 0.85, T02C2 0.75, T01C2 0.6, T03C1 0.3 (T02C1 has no ceiling).
        // The even count's median is the lower of the two middle neurons. Each label names the ordering.
        Assert.Equal(
            [
                ("T01C1", "best of 4 by held-out r"), ("T01C2", "median of 4 by held-out r"),
                ("T03C1", "worst of 4 by held-out r"),
            ],
            examples.Select(e => (result.Neurons[e.Neuron].NeuronId, e.Label)));
    }
}
