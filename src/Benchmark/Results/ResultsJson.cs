using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NeuralPredictivity.Benchmark;

/// <summary>The one JSON dialect of results files: snake_case names, kebab-case enums, NaN as "NaN".</summary>
/// <remarks>
/// JSON has no NaN; an undefined score is written as the string "NaN" (pandas and Python's json read
/// it back as a float NaN with <c>parse_constant</c>, and System.Text.Json with named literals allowed).
/// Property order follows declaration order, so the bytes depend only on the values.
/// </remarks>
internal static class ResultsJson
{
    internal static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        IndentSize = 2,
        NewLine = "\n",
    };

    internal static void Write<T>(string path, T value)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, Options);
        using var stream = File.Create(path);
        stream.Write(bytes);
        stream.WriteByte((byte)'\n');
    }

    internal static T Read<T>(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<T>(stream, Options)
            ?? throw new InvalidDataException($"{path}: the file holds JSON null, expected a {typeof(T).Name}.");
    }
}
