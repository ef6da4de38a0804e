namespace NeuralPredictivity.Datasets.Tests;

/// <summary>Which points an arena holds and how far its farthest point lies from its centre.</summary>
public sealed class ArenaTests
{
    [Theory]
    [InlineData(75, 75, true)]      // corner of the 150 cm box: boundary included
    [InlineData(-75, 10, true)]     // west wall
    [InlineData(75.001, 0, false)]
    [InlineData(0, -75.001, false)]
    public void SquareBoxHoldsItsWallsAndNothingBeyond(double x, double y, bool inside)
    {
        var arena = Arena.Square(150);

        Assert.Equal(inside, arena.Contains(x, y));
    }

    [Theory]
    [InlineData(190, 30, true)]     // east edge of a 180 cm circle centred at (100, 30)
    [InlineData(100, -60, true)]    // south edge
    [InlineData(170, 100, false)]   // inside the bounding square's corner, outside the circle
    [InlineData(190.001, 30, false)]
    public void CircleHoldsItsRimButNotTheCornersOfItsBoundingSquare(double x, double y, bool inside)
    {
        var arena = Arena.Circle(180, 100, 30);

        Assert.Equal(inside, arena.Contains(x, y));
    }

    [Fact]
    public void RectangleIsCheckedOnEachAxisAgainstItsOwnHalfSide()
    {
        var arena = Arena.Rectangle(100, 40, 10, 0);

        Assert.True(arena.Contains(60, 20));
        Assert.False(arena.Contains(10, 21));
        Assert.False(arena.Contains(61, 0));
    }

    [Fact]
    public void RectangleWithEqualSidesKeepsItsShape()
    {
        var arena = Arena.Rectangle(150, 150);

        Assert.Equal(ArenaShape.Rectangle, arena.Shape);
        Assert.True(arena.Contains(75, -75));
    }

    [Fact]
    public void BoundingRadiusIsHalfTheDiagonalOfABoxAndTheRadiusOfACircle()
    {
        // 30–40–50 triangle: a 60 × 80 cm box has a 100 cm diagonal.
        Assert.Equal(50.0, Arena.Rectangle(60, 80).BoundingRadiusCm);
        Assert.Equal(75 * Math.Sqrt(2), Arena.Square(150).BoundingRadiusCm, 1e-12);
        Assert.Equal(90.0, Arena.Circle(180, 5, 5).BoundingRadiusCm);
    }
}
