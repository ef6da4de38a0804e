using System.Text.Json;

namespace NeuralPredictivity.Models.Tests;

/// <summary>Reads tests/golden/models/expected.json (written by generate.py with NumPy and python3-torch).</summary>
internal static class GoldenModels
{
    private static readonly Lazy<JsonElement> Root = new(() =>
        JsonDocument.Parse(System.IO.File.ReadAllText(RepositoryFiles.Golden("models", "expected.json"))).RootElement);

    internal static JsonElement Get(string name) => Root.Value.GetProperty(name);

    internal static string PathOf(string name) => RepositoryFiles.Golden("models", name);

    /// <summary>All numbers of a nested JSON array, flattened in row-major order.</summary>
    internal static double[] Flat(JsonElement element)
    {
        var values = new List<double>();
        Collect(element, values);
        return values.ToArray();
    }

    private static void Collect(JsonElement element, List<double> values)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, values);
            }
        }
        else
        {
            values.Add(element.GetDouble());
        }
    }
}
