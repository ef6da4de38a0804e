using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace NeuralPredictivity.Datasets.Tests;

/// <summary>Paths to the committed test inputs, found by walking up to the solution file.</summary>
internal static class TestData
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NeuralPredictivity.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException(
            $"NeuralPredictivity.sln not found above {AppContext.BaseDirectory}.");
    });

    internal static string RepositoryRoot => Root.Value;

    internal static string Fixture(string name) =>
        Path.Combine(RepositoryRoot, "tests", "Datasets.Tests", "Fixtures", name);

    /// <summary>Reads a fixture file as a recording.</summary>
    internal static Recording ReadFixture(string name, RecordingReadOptions? options = null, ILogger? logger = null) =>
        RecordingReader.Read(Fixture(name), options, logger);

    /// <summary>Reads a fixture that must be refused, returning the exception.</summary>
    internal static TException Refusal<TException>(string name, RecordingReadOptions? options = null)
        where TException : Exception =>
        Assert.Throws<TException>(() => RecordingReader.Read(Fixture(name), options));

    internal static string Case(string folder, string name) =>
        Path.Combine(RepositoryRoot, "tests", "Datasets.Tests", "Cases", folder, name);

    internal static string Bundled(string name) => Path.Combine(RepositoryRoot, "data", "mec", name + ".h5");

    internal static string Golden(string name) => Path.Combine(RepositoryRoot, "tests", "golden", "datasets", name);

    internal static JsonElement Expected(string folder) =>
        JsonDocument.Parse(File.ReadAllText(Case(folder, "expected.json"))).RootElement.GetProperty("expected");

    /// <summary>A JSON number, or NaN for the string "NaN" (the cases' NaN encoding).</summary>
    internal static double Number(JsonElement element) =>
        element.ValueKind == JsonValueKind.String && element.GetString() == "NaN" ? double.NaN : element.GetDouble();

    internal static double[,] Matrix(JsonElement rows)
    {
        var list = rows.EnumerateArray().Select(r => r.EnumerateArray().Select(Number).ToArray()).ToArray();
        var matrix = new double[list.Length, list[0].Length];
        for (var i = 0; i < list.Length; i++)
        {
            for (var j = 0; j < list[0].Length; j++)
            {
                matrix[i, j] = list[i][j];
            }
        }

        return matrix;
    }

    internal static double[][] ReadCsv(string path) =>
        File.ReadAllLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();

    /// <summary>Rows of a golden CSV (after its comment line) keyed by column name.</summary>
    internal static List<Dictionary<string, string>> ReadTable(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
        var header = lines[0].Split(',');
        return lines.Skip(1)
            .Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second))
            .ToList();
    }

    internal static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>A copy of a fixture in a fresh temporary folder, for tests that damage or register files.</summary>
    internal static string TemporaryCopy(string source, string? name = null)
    {
        var folder = Directory.CreateTempSubdirectory("np-datasets-").FullName;
        var target = Path.Combine(folder, name ?? Path.GetFileName(source));
        File.Copy(source, target);
        return target;
    }
}

/// <summary>An ILogger that keeps every message, so tests can assert what was warned.</summary>
internal sealed class RecordingLogger : ILogger
{
    internal List<(LogLevel Level, string Message)> Messages { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
                            Func<TState, Exception?, string> formatter) =>
        Messages.Add((logLevel, formatter(state, exception)));

    internal IEnumerable<string> Warnings => Messages.Where(m => m.Level == LogLevel.Warning).Select(m => m.Message);
}
