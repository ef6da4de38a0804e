namespace NeuralPredictivity.Benchmark.Tests;

/// <summary>Every family a sweep accepts turns into unit specs that <c>--model</c> parses: the
/// <c>d=</c> and <c>seed=</c> of a unit go after the innermost family name, with or without its own
/// parameters and however deeply it is wrapped by <c>shuffled:</c>.</summary>
public sealed class SweepUnitSpecTests
{
    [Theory]
    [InlineData("trained", "trained:d=8,seed=2")]
    [InlineData("untrained", "untrained:d=8,seed=2")]
    [InlineData("shuffled", "shuffled:d=8,seed=2")]
    [InlineData("random-fourier", "random-fourier:d=8,seed=2")]
    [InlineData("random-fourier:lengthscale=30cm", "random-fourier:lengthscale=30cm,d=8,seed=2")]
    [InlineData("shuffled:random-fourier", "shuffled:random-fourier:d=8,seed=2")]
    [InlineData("shuffled:place-cells:width=9cm", "shuffled:place-cells:width=9cm,d=8,seed=2")]
    [InlineData("shuffled:grid", "shuffled:grid:d=8,seed=2")]
    public void UnitSpecAppendsDimensionAndSeedToTheInnermostFamily(string family, string expected)
    {
        var unit = new SweepUnit(family, 8, 2);

        Assert.Equal(expected, unit.ModelSpec);
        var problems = new List<SettingsProblem>();
        var spec = ModelSpec.Parse(unit.ModelSpec, featureSeed: 99, problems);
        Assert.Empty(problems);
        Assert.NotNull(spec);
        Assert.Equal(2, spec!.Seed);
        Assert.Equal(8, spec.IsNetwork ? spec.Dimension : spec.Baseline!.Dimension);
    }
}
