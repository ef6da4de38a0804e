namespace NeuralPredictivity.Benchmark.Tests;

public sealed class RunFiguresTests
{
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
}
