namespace NeuralPredictivity.Datasets.Tests;

/// <summary>Grids built from arenas and from the tracked extent.</summary>
public sealed class SpatialGridTests
{
    [Fact]
    public void SquareBoxOf150CmGives900BinsOf5Cm()
    {
        var grid = SpatialGrid.ForArena(Arena.Square(150));

        Assert.Equal((30, 30, 900), (grid.ColumnCount, grid.RowCount, grid.BinCount));
        Assert.Equal(-75.0, grid.XEdges[0]);
        Assert.Equal(75.0, grid.XEdges[^1]);
        Assert.Equal(0, grid.BinIndex(-75, -75));
        Assert.Equal(899, grid.BinIndex(75, 75));
    }

    [Fact]
    public void CircleGetsItsBoundingSquare()
    {
        var grid = SpatialGrid.ForArena(Arena.Circle(180));

        Assert.Equal(36 * 36, grid.BinCount);
    }

    [Fact]
    public void TrackedExtentEdgesFollowNumpyLinspace()
    {
        var recording = TestData.ReadFixture("good_native.h5");
        var (minX, maxX) = (recording.Position!.X.Min(), recording.Position.X.Max());

        var grid = SpatialGrid.OverTrackedExtent(recording.Position, 20);

        Assert.Equal(minX, grid.XEdges[0]);
        Assert.Equal(maxX, grid.XEdges[^1]);
        Assert.Equal(3 * ((maxX - minX) / 20) + minX, grid.XEdges[3]);
    }

    [Fact]
    public void ArenaRejectsImpossibleSizes()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Arena.Square(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Arena.Circle(double.NaN));
        Assert.Throws<ArgumentException>(() => new Arena(ArenaShape.Circle, 100, 80, 0, 0));
    }
}
