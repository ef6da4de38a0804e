using System.Globalization;
using System.Text.Json;

namespace NeuralPredictivity.Regression.Tests;

/// <summary>Reads the golden CSVs and the copied failure-case inputs from the repository.</summary>
internal static class TestData
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    public static string Golden(string name) => Path.Combine(Root.Value, "tests", "golden", "regression", name);

    public static string Case(string caseName, string file) =>
        Path.Combine(Root.Value, "tests", "Regression.Tests", "Cases", caseName, file);

    /// <summary>Comma-separated numbers, one row per line; lines starting with '#' are provenance comments.</summary>
    public static double[,] Matrix(string path)
    {
        var rows = File.ReadLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
        var result = new double[rows.Length, rows[0].Length];
        for (var i = 0; i < rows.Length; i++)
        {
            for (var j = 0; j < rows[0].Length; j++)
            {
                result[i, j] = rows[i][j];
            }
        }

        return result;
    }

    public static double[] Row(string path) => Enumerable.Range(0, Matrix(path).GetLength(1))
        .Select(j => Matrix(path)[0, j]).ToArray();

    /// <summary>Lines "fold,train|test,i j k …" as written by generate.py.</summary>
    public static ExplicitFolds Folds(string path)
    {
        var parts = File.ReadLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(','))
            .GroupBy(fields => int.Parse(fields[0], CultureInfo.InvariantCulture))
            .OrderBy(g => g.Key)
            .Select(g => new Fold(
                g.Key,
                Indices(g.Single(f => f[1] == "train")[2]),
                Indices(g.Single(f => f[1] == "test")[2])));
        return new ExplicitFolds(parts, Path.GetFileName(path));
    }

    /// <summary>A little-endian float64 C-order .npy array, flattened, with its shape.</summary>
    public static (double[] Values, int[] Shape) Npy(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var headerLength = BitConverter.ToUInt16(bytes, 8);
        var header = System.Text.Encoding.ASCII.GetString(bytes, 10, headerLength);
        Assert.Contains("'descr': '<f8'", header);
        Assert.Contains("'fortran_order': False", header);
        var shapeText = header[(header.IndexOf("'shape': (", StringComparison.Ordinal) + 10)..];
        var shape = shapeText[..shapeText.IndexOf(')')]
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var values = new double[shape.Aggregate(1, (a, b) => a * b)];
        Buffer.BlockCopy(bytes, 10 + headerLength, values, 0, values.Length * sizeof(double));
        return (values, shape);
    }

    public static JsonElement Json(string path) =>
        JsonDocument.Parse(File.ReadAllText(path)).RootElement;

    /// <summary>A JSON number, or the string "NaN".</summary>
    public static double Number(JsonElement element) =>
        element.ValueKind == JsonValueKind.String && element.GetString() == "NaN" ? double.NaN : element.GetDouble();

    public static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(Number).ToArray();

    public static double[,] NumberMatrix(JsonElement array)
    {
        var rows = array.EnumerateArray().Select(Numbers).ToArray();
        var result = new double[rows.Length, rows[0].Length];
        for (var i = 0; i < rows.Length; i++)
        {
            for (var j = 0; j < rows[0].Length; j++)
            {
                result[i, j] = rows[i][j];
            }
        }

        return result;
    }

    public static double[,] Columns(double[,] matrix, params int[] columns)
    {
        var result = new double[matrix.GetLength(0), columns.Length];
        for (var i = 0; i < matrix.GetLength(0); i++)
        {
            for (var j = 0; j < columns.Length; j++)
            {
                result[i, j] = matrix[i, columns[j]];
            }
        }

        return result;
    }

    public static double[,] Rows(double[,] matrix, int start, int count)
    {
        var result = new double[count, matrix.GetLength(1)];
        for (var i = 0; i < count; i++)
        {
            for (var j = 0; j < matrix.GetLength(1); j++)
            {
                result[i, j] = matrix[start + i, j];
            }
        }

        return result;
    }

    /// <summary>Asserts |actual − expected| ≤ atol + rtol·|expected| entry by entry, naming the first
    /// failure.</summary>
    public static void AssertClose(double[,] expected, double[,] actual, double rtol, double atol)
    {
        Assert.Equal(expected.GetLength(0), actual.GetLength(0));
        Assert.Equal(expected.GetLength(1), actual.GetLength(1));
        for (var i = 0; i < expected.GetLength(0); i++)
        {
            for (var j = 0; j < expected.GetLength(1); j++)
            {
                var (e, a) = (expected[i, j], actual[i, j]);
                Assert.True(
                    Math.Abs(a - e) <= atol + rtol * Math.Abs(e),
                    $"[{i}, {j}]: expected {e:R}, got {a:R} (difference {a - e:E3})");
            }
        }
    }

    public static void AssertClose(
        IReadOnlyList<double> expected, IReadOnlyList<double> actual, double rtol, double atol)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            if (double.IsNaN(expected[i]))
            {
                Assert.True(double.IsNaN(actual[i]), $"[{i}]: expected NaN, got {actual[i]:R}");
                continue;
            }

            Assert.True(
                Math.Abs(actual[i] - expected[i]) <= atol + rtol * Math.Abs(expected[i]),
                $"[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }

    /// <summary>Assembles each fold's test-row predictions into one (bins × neurons) matrix.</summary>
    public static double[,] Assemble(CrossValidationResult result)
    {
        var all = new double[result.BinCount, result.NeuronCount];
        foreach (var fold in result.Folds)
        {
            for (var i = 0; i < fold.Test.Count; i++)
            {
                for (var j = 0; j < result.NeuronCount; j++)
                {
                    all[fold.Test[i], j] = fold.Predictions[i, j];
                }
            }
        }

        return all;
    }

    private static int[] Indices(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NeuralPredictivity.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("NeuralPredictivity.sln not found above " + AppContext.BaseDirectory);
    }
}
