using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Baselines.Tests;

/// <summary>Shapes, NaN pattern and determinism of every family on the real recordings' grids.</summary>
public sealed class BaselineFamiliesTests
{
    public static TheoryData<string> Specs => new()
    {
        "random-fourier:d=64,seed=3",
        "random-relu:d=64,seed=3",
        "random-relu:d=64,input=position,seed=3",
        "place-cells:d=64,seed=3",
        "place-cells:d=64,profile=dog,seed=3",
        "grid-cells:d=64,seed=3",
        "shuffled:grid-cells:d=64,seed=3",
        "shuffled:random-relu:d=64,seed=3",
    };

    [Theory]
    [MemberData(nameof(Specs))]
    public void SameSeedGivesTheSameBytes(string spec)
    {
        var first = BaselineFamilies.Generate(spec, TestGrids.StensolaGrid, TestGrids.StensolaArena);
        var second = BaselineFamilies.Generate(
            BaselineSpec.Parse(spec).ToString(), TestGrids.StensolaGrid, TestGrids.StensolaArena);

        Assert.Equal(TestGrids.Bytes(first.Maps.Values), TestGrids.Bytes(second.Maps.Values));
        Assert.Equal(first.ParticipationRatio, second.ParticipationRatio);
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void AnotherSeedGivesAnotherMapInEveryFeature(string spec)
    {
        var parsed = BaselineSpec.Parse(spec);

        var first = BaselineFamilies.Generate(parsed, TestGrids.StensolaGrid, TestGrids.StensolaArena).Maps;
        var other = BaselineFamilies.Generate(parsed.WithSeed(4), TestGrids.StensolaGrid, TestGrids.StensolaArena).Maps;

        for (var j = 0; j < parsed.Dimension; j++)
        {
            Assert.NotEqual(first.Column(j), other.Column(j));
        }
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void SquareBoxMapsAreDefinedInAllNineHundredBins(string spec)
    {
        var maps = BaselineFamilies.Generate(spec, TestGrids.StensolaGrid, TestGrids.StensolaArena);

        Assert.Equal(900, maps.Maps.BinCount);
        Assert.Equal(64, maps.Maps.ColumnCount);
        Assert.Equal(900, maps.DefinedBinCount);
        Assert.All(maps.Maps.FiniteBins(), Assert.True);
        Assert.Equal(64, maps.Maps.ColumnIds.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void CircularArenaMapsAreNaNExactlyWhereTheBinCentreIsOutside(string spec)
    {
        var grid = TestGrids.HaftingGrid;

        var maps = BaselineFamilies.Generate(spec, grid, TestGrids.HaftingArena).Maps;

        for (var bin = 0; bin < grid.BinCount; bin++)
        {
            var (x, y) = grid.BinCentre(bin);
            var inside = x * x + y * y <= 90.0 * 90.0;
            for (var j = 0; j < maps.ColumnCount; j++)
            {
                Assert.Equal(inside, double.IsFinite(maps.Values[bin, j]));
            }
        }

        // 1,020 of 1,296 bins: close to the disc's share π/4 · 1,296 ≈ 1,018.
        Assert.Equal(1020, maps.FiniteBins().Count(f => f));
    }

    [Theory]
    [InlineData("random-fourier")]
    [InlineData("random-relu")]
    [InlineData("place-cells")]
    [InlineData("grid-cells")]
    public void FeaturesAreNestedSoSmallerDIsAPrefix(string family)
    {
        var spec = BaselineSpec.Parse(family + ":seed=9");

        var small = BaselineFamilies.Generate(spec.WithDimension(8), TestGrids.StensolaGrid, TestGrids.StensolaArena);
        var large = BaselineFamilies.Generate(spec.WithDimension(64), TestGrids.StensolaGrid, TestGrids.StensolaArena);

        for (var j = 0; j < 8; j++)
        {
            Assert.Equal(small.Maps.Column(j), large.Maps.Column(j));
        }
    }

    [Fact]
    public void ShuffledMapHoldsTheSameValuesInOtherBins()
    {
        var spec = BaselineSpec.Parse("place-cells:d=16,seed=5");

        var original = BaselineFamilies.Generate(spec, TestGrids.HaftingGrid, TestGrids.HaftingArena);
        var shuffled = BaselineFamilies.Generate("shuffled:" + spec, TestGrids.HaftingGrid, TestGrids.HaftingArena);

        var moved = 0;
        for (var bin = 0; bin < original.Maps.BinCount; bin++)
        {
            moved += original.Maps.Values[bin, 0].Equals(shuffled.Maps.Values[bin, 0]) ? 0 : 1;
        }

        for (var j = 0; j < 16; j++)
        {
            Assert.Equal(
                original.Maps.Column(j).Where(double.IsFinite).Order(),
                shuffled.Maps.Column(j).Where(double.IsFinite).Order());
        }

        Assert.Equal(original.Maps.FiniteBins(), shuffled.Maps.FiniteBins());
        Assert.True(moved > 900, $"only {moved} of 1,020 defined bins changed value");
    }

    [Fact]
    public void ArenaOutsideTheGridIsRejectedWithBothNamed()
    {
        var arena = Arena.Square(50, 500, 500);

        var error = Assert.Throws<ArgumentException>(
            () => BaselineFamilies.Generate("place-cells:d=4", TestGrids.StensolaGrid, arena));

        Assert.Contains("No bin centre of the grid (30 × 30 bins", error.Message);
        Assert.Contains("square 50 × 50 cm, centred at (500, 500) cm", error.Message);
    }

    [Fact]
    public void RandomReluPlaceLatticeIsLimitedToTenThousandCells()
    {
        // Limitation: the random-relu place-cell lattice holds at most 10,000 cells.
        var error = Assert.Throws<NotSupportedException>(() => BaselineFamilies.Generate(
            "random-relu:d=4,lattice=1cm,width=2cm", TestGrids.StensolaGrid, TestGrids.StensolaArena));

        Assert.Contains("151 × 151 = 22801 cells; at most 10000", error.Message);
        Assert.Contains("Raise lattice", error.Message);
    }
}
