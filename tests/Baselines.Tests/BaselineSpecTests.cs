namespace NeuralPredictivity.Baselines.Tests;

public sealed class BaselineSpecTests
{
    [Fact]
    public void ParsesTheDocumentedExampleIntoItsCanonicalForm()
    {
        var spec = BaselineSpec.Parse("random-fourier:d=512,lengthscale=20cm,seed=3");

        Assert.Equal("random-fourier", spec.Family.Name);
        Assert.Equal(512, spec.Dimension);
        Assert.Equal(3, spec.Seed);
        Assert.Equal(20.0, spec.Get("lengthscale"));
        Assert.Equal("random-fourier:d=512,lengthscale=20cm,seed=3", spec.ToString());
    }

    [Theory]
    [InlineData("place-cells", "place-cells:d=512,width=12cm,profile=gaussian,surround=2,seed=0")]
    [InlineData(" Grid-Cells : SEED=4 , d=8 ", "grid-cells:d=8,spacing=40cm,modules=4,ratio=1.42,seed=4")]
    [InlineData("place-cells:width=0.2m,profile=DoG", "place-cells:d=512,width=20cm,profile=dog,surround=2,seed=0")]
    [InlineData("random-fourier:lengthscale=150mm", "random-fourier:d=512,lengthscale=15cm,seed=0")]
    [InlineData("random-fourier:lengthscale=7.5", "random-fourier:d=512,lengthscale=7.5cm,seed=0")]
    [InlineData("shuffled:grid-cells:d=64", "shuffled:grid-cells:d=64,spacing=40cm,modules=4,ratio=1.42,seed=0")]
    public void FillsDefaultsAndNormalisesUnitsAndCase(string text, string canonical)
    {
        var spec = BaselineSpec.Parse(text);

        Assert.Equal(canonical, spec.ToString());
        Assert.Equal(spec, BaselineSpec.Parse(canonical));
    }

    [Theory]
    [InlineData("random-fourrier:d=8", "unknown family 'random-fourrier'", "random-fourier, random-relu, place-cells")]
    [InlineData(
        "random-fourier:lenghtscale=20cm", "unknown parameter 'lenghtscale'", "valid parameters: d, lengthscale, seed")]
    [InlineData("random-fourier:d=0", "d must be an integer in 1…65536, got '0'", "")]
    [InlineData("random-fourier:lengthscale=-3cm", "lengthscale must be a length in", "(e.g. 20cm, 0.2m)")]
    [InlineData("random-fourier:lengthscale=20ft", "lengthscale must be a length", "got '20ft'")]
    [InlineData("place-cells:profile=mexican", "profile must be one of gaussian, dog", "got 'mexican'")]
    [InlineData("grid-cells:seed=1,seed=2", "parameter 'seed' is given twice", "")]
    [InlineData("grid-cells:d", "'d' is not name=value", "")]
    [InlineData("grid-cells:d=8,", "'' is not name=value", "")]
    [InlineData("shuffled", "shuffled needs the spec of the map to shuffle", "shuffled:grid-cells")]
    [InlineData("shuffled:shuffled:grid-cells", "shuffle once", "")]
    [InlineData("shuffled:place-cells:wdth=3", "unknown parameter 'wdth'", "valid parameters: d, width, profile")]
    public void ParseErrorsNameTheProblemAndTheValidChoices(string text, string problem, string choices)
    {
        var error = Assert.Throws<FormatException>(() => BaselineSpec.Parse(text));

        Assert.Contains($"'{text}'", error.Message);
        Assert.Contains(problem, error.Message);
        Assert.Contains(choices, error.Message);
    }

    [Fact]
    public void ReportsEveryProblemOfASpecAtOnce()
    {
        var error = Assert.Throws<FormatException>(() => BaselineSpec.Parse("grid-cells:d=-1,spcing=3,ratio=x"));

        Assert.Contains("d must be", error.Message);
        Assert.Contains("unknown parameter 'spcing'", error.Message);
        Assert.Contains("ratio must be", error.Message);
    }

    [Fact]
    public void WithChangesOneParameterAndReachesThroughAShuffle()
    {
        var spec = BaselineSpec.Parse("shuffled:place-cells:d=8,seed=2");

        var changed = spec.With("width", 30.0).WithDimension(64);

        Assert.Equal("shuffled:place-cells:d=64,width=30cm,profile=gaussian,surround=2,seed=2", changed.ToString());
        Assert.Equal(64, changed.Dimension);
        Assert.Equal("8", spec.GetText("d"));
    }

    [Fact]
    public void WithRejectsUnknownParametersAndInvalidValues()
    {
        var spec = BaselineSpec.Parse("grid-cells");

        var unknown = Assert.Throws<ArgumentException>(() => spec.With("width", 3.0));
        var invalid = Assert.Throws<ArgumentOutOfRangeException>(() => spec.With("spacing", -1.0));

        Assert.Contains("grid-cells has no parameter 'width'; its parameters are d, spacing", unknown.Message);
        Assert.Contains("spacing must be a length", invalid.Message);
    }

    [Fact]
    public void EveryFamilyListsDAndSeedWithDocumentedDefaults()
    {
        foreach (var family in BaselineFamilies.All.Where(f => f.Name != "shuffled"))
        {
            Assert.Equal("d", family.Parameters[0].Name);
            Assert.Equal("seed", family.Parameters[^1].Name);
            Assert.All(family.Parameters, p => Assert.False(string.IsNullOrWhiteSpace(p.Description)));
            var defaults = BaselineSpec.Parse(family.Name);
            Assert.Equal(512, defaults.Dimension);
            Assert.True(defaults.Parameter(family.DefaultMatchParameter(defaults)).IsMatchable);
        }
    }
}
