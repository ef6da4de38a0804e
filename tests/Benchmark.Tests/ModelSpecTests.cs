namespace NeuralPredictivity.Benchmark.Tests;

/// <summary>The trained family's reductions: top principal components (the default) or random units.</summary>
public sealed class ModelSpecTests
{
    [Theory]
    [InlineData("trained:d=16", "PrincipalSubspace", 16, 7)]
    [InlineData("trained:d=16,reduce=pca", "PrincipalSubspace", 16, 7)]
    [InlineData("trained:d=16,reduce=units,seed=3", "RandomUnits", 16, 3)]
    [InlineData("trained:reduce=UNITS,d=4", "RandomUnits", 4, 7)]
    public void TrainedReductionIsParsed(string text, string reduction, int d, int seed)
    {
        var problems = new List<SettingsProblem>();

        var spec = ModelSpec.Parse(text, featureSeed: 7, problems);

        Assert.Empty(problems);
        Assert.True(spec!.IsNetwork && spec.Trained);
        Assert.Equal((reduction, d, seed), (spec.Reduction.ToString(), spec.Dimension!.Value, spec.Seed));
    }

    [Theory]
    [InlineData("trained:reduce=units", "expected d=N with reduce=units (how many units to keep)")]
    [InlineData("trained:d=8,reduce=columns", "expected reduce=pca (top d principal components) or reduce=units")]
    [InlineData("untrained:d=8,reduce=units", "expected parameters d=N, seed=S for an untrained network")]
    public void BadReductionsNameTheOptionAndTheValue(string text, string expected)
    {
        var problems = new List<SettingsProblem>();

        Assert.Null(ModelSpec.Parse(text, featureSeed: 0, problems));

        var problem = Assert.Single(problems);
        Assert.Equal("--model", problem.Option);
        Assert.Contains(expected, problem.ToString());
    }

    [Fact]
    public void FamilyNamesHoldTheNetworkFamiliesAndEveryBaselineFamilyOnce()
    {
        var baselines = NeuralPredictivity.Baselines.BaselineFamilies.All.Select(f => f.Name);

        var names = ModelSpec.FamilyNames;

        Assert.Equal(["trained", "untrained", "shuffled"], names.Take(3));
        Assert.Equal(names.Distinct(), names);
        Assert.Subset(names.ToHashSet(), baselines.ToHashSet());
    }

    [Theory]
    [InlineData("banana", "banana")]
    [InlineData("shuffled:banana", "banana")]
    [InlineData("shuffled:banana:d=4", "banana")]
    public void UnknownFamilyIsOneProblemListingEveryFamilyOnce(string text, string unknown)
    {
        var problems = new List<SettingsProblem>();

        Assert.Null(ModelSpec.Parse(text, featureSeed: 0, problems, option: "--families"));

        var problem = Assert.Single(problems);
        Assert.Equal("--families", problem.Option);
        Assert.Equal(ModelSpec.Expected, problem.Expected);
        Assert.Contains(string.Join(", ", ModelSpec.FamilyNames), problem.Expected);
        Assert.Equal($"'{text}': no family is named '{unknown}'", problem.Found);
    }

    [Fact]
    public void BadBaselineParameterNamesTheSpecOnceWithoutTheFamilyList()
    {
        var problems = new List<SettingsProblem>();

        Assert.Null(ModelSpec.Parse("grid:spcing=3", featureSeed: 0, problems));

        var problem = Assert.Single(problems);
        Assert.StartsWith("'grid:spcing=3': unknown parameter 'spcing' of grid-cells; valid parameters: d,",
            problem.Found);
        Assert.DoesNotContain("random-fourier", problem.ToString());
    }
}
