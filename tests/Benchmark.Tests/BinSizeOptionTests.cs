using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Benchmark.Tests;

public sealed class BinSizeOptionTests
{
    [Theory]
    [InlineData("5", 5.0)]
    [InlineData("5cm", 5.0)]
    [InlineData(" 2.5 CM ", 2.5)]
    [InlineData("50mm", 5.0)]
    [InlineData("0.05m", 5.0)]
    [InlineData("1e1", 10.0)]
    public void LengthsAreCentimetresUnlessAUnitIsGiven(string text, double cm)
    {
        Assert.Equal(cm, BinSizeOption.ParseCm(text), 12);
    }

    [Theory]
    [InlineData("five")]
    [InlineData("5km")]
    [InlineData("")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public void ATextThatIsNotALengthIsRefusedNamingTheOption(string text)
    {
        var problems = new List<SettingsProblem>();

        Assert.Null(BinSizeOption.Read(text, problems));

        var problem = Assert.Single(problems);
        Assert.Equal($"--bin-size: expected {BinSizeOption.Syntax}; found '{text}'.", problem.ToString());
    }

    [Theory]
    [InlineData(150, 150, 5)]
    [InlineData(100, 100, 0.7)]
    [InlineData(180, 120, 0.93)]
    public void TheBinCountIsTheOneTheGridBuilds(double width, double height, double bin)
    {
        var arena = Arena.Rectangle(width, height);

        Assert.Equal(SpatialGrid.ForArena(arena, bin).BinCount, BinSizeOption.BinCount(arena, bin));
    }

    [Fact]
    public void TheSmallestAllowedBinIsThreeQuarterCentimetreInA150CmBox()
    {
        var box = Arena.Square(150);

        Assert.Equal(0.75, BinSizeOption.SmallestAllowedCm(box));
        Assert.Null(BinSizeOption.Check(box, 0.75, "the box"));
        Assert.Equal(40_000, SpatialGrid.ForArena(box, 0.75).BinCount);
    }

    [Theory]
    [InlineData(100, 100)]
    [InlineData(180, 120)]
    [InlineData(97, 61)]
    public void TheSmallestAllowedBinFitsAndOneHundredthLessDoesNot(double width, double height)
    {
        var arena = Arena.Rectangle(width, height);

        var smallest = BinSizeOption.SmallestAllowedCm(arena);

        Assert.True(BinSizeOption.BinCount(arena, smallest) <= BinSizeOption.MaxBinCount);
        Assert.True(BinSizeOption.BinCount(arena, smallest - 0.01) > BinSizeOption.MaxBinCount);
    }

    [Theory]
    [InlineData(0.05, "found 0.05 cm, which gives 9,000,000 bins.")]
    [InlineData(1e-300, "found 1E-300 cm, which gives more than 1e308 bins.")]
    public void AGridOfMoreThanTheLimitIsRefusedWithItsBinCountAndTheSmallestAllowedBin(double bin, string found)
    {
        var problem = BinSizeOption.Check(Arena.Square(150), bin, "'stensola2012_ben'");

        Assert.NotNull(problem);
        Assert.Equal("--bin-size", problem.Option);
        Assert.StartsWith("a grid of at most 40,000 bins, i.e. a bin side ≥ 0.75 cm in 'stensola2012_ben'",
            problem.Expected);
        Assert.EndsWith(found, problem.ToString());
    }

    [Fact]
    public void ABinLargerThanTheArenaIsRefused()
    {
        var problem = BinSizeOption.Check(Arena.Rectangle(100, 60), 70, "the box");

        Assert.NotNull(problem);
        Assert.Contains("no larger than the arena", problem.Expected);
        Assert.Contains("≤ 60 cm", problem.Expected);
    }
}
