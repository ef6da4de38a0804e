using System.Globalization;
using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Baselines.Tests;

/// <summary>Every position family against an independent NumPy implementation of its documented formula.</summary>
public sealed class GoldenFamilyTests
{
    // Both sides evaluate the same double-precision expressions with the platform's libm; the place-code
    // ReLU sums ~40 products in another order. Values are O(1): differences stay below 40·ε·max|x| ≈ 1e-14.
    private const double Tolerance = 1e-12;

    public static TheoryData<string, string, string> Cases => new()
    {
        { "family0.csv", "random-fourier:d=5,lengthscale=20cm,seed=3", "square" },
        { "family1.csv", "place-cells:d=5,width=12cm,profile=gaussian,seed=1", "square" },
        { "family2.csv", "place-cells:d=5,width=9cm,profile=dog,surround=2,seed=4", "circle" },
        { "family3.csv", "grid-cells:d=6,spacing=40cm,modules=3,ratio=1.42,seed=2", "square" },
        { "family4.csv", "random-relu:d=5,input=position,seed=5", "circle" },
        { "family5.csv", "random-relu:d=4,input=place,width=30cm,lattice=25cm,seed=6", "square" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void FamilyMatchesTheNumPyReference(string file, string spec, string arenaShape)
    {
        var (arena, grid) = arenaShape == "square"
            ? (Arena.Square(150), SpatialGrid.Centred(0, 0, 150, 150, 25))
            : (Arena.Circle(60), SpatialGrid.Centred(0, 0, 60, 60, 10));
        var expected = ReadMatrix(TestGrids.Golden(file));

        var actual = BaselineFamilies.Generate(spec, grid, arena).Maps.Values;

        Assert.Equal(expected.GetLength(0), actual.GetLength(0));
        Assert.Equal(expected.GetLength(1), actual.GetLength(1));
        for (var bin = 0; bin < expected.GetLength(0); bin++)
        {
            for (var j = 0; j < expected.GetLength(1); j++)
            {
                if (double.IsNaN(expected[bin, j]))
                {
                    Assert.True(double.IsNaN(actual[bin, j]), $"bin {bin}, feature {j}: expected NaN");
                }
                else
                {
                    Assert.True(
                        Math.Abs(actual[bin, j] - expected[bin, j]) <= Tolerance,
                        $"bin {bin}, feature {j}: expected {expected[bin, j]:R}, got {actual[bin, j]:R}");
                }
            }
        }
    }

    [Fact]
    public void ShufflePermutationMatchesTheNumPyReference()
    {
        var rows = ReadMatrix(TestGrids.Golden("shuffle.csv"));
        var defined = Enumerable.Range(0, rows.GetLength(0)).Select(b => rows[b, 1] == 1).ToArray();
        var expected = Enumerable.Range(0, rows.GetLength(0)).Select(b => (int)rows[b, 2]).ToArray();

        var actual = SpatialShuffle.Permutation(defined, 11);

        Assert.Equal(expected, actual);
    }

    internal static double[,] ReadMatrix(string path)
    {
        var rows = File.ReadLines(path)
            .Where(l => !l.StartsWith('#') && l.Length > 0)
            .Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
        var matrix = new double[rows.Length, rows[0].Length];
        for (var i = 0; i < rows.Length; i++)
        {
            for (var j = 0; j < rows[0].Length; j++)
            {
                matrix[i, j] = rows[i][j];
            }
        }

        return matrix;
    }
}
