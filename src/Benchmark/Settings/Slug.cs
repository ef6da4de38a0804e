using System.Text;
using System.Text.RegularExpressions;

namespace NeuralPredictivity.Benchmark;

/// <summary>Turns a dataset name, model spec or path into a short, file-system-safe folder name.</summary>
/// <remarks>
/// A path (alone, or as a spec's parameter value) becomes its file name without extension. Then
/// letters are lower-cased, <c>=</c> is dropped, <c>:</c> and <c>,</c> become <c>_</c>, and any other
/// character outside [a-z0-9._-] becomes <c>-</c>: <c>random-fourier:d=512,seed=3</c> →
/// <c>random-fourier_d512_seed3</c>, <c>trained:checkpoint=/nets/ugrnn.json</c> →
/// <c>trained_checkpointugrnn</c>.
/// </remarks>
internal static partial class Slug
{
    internal static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        trimmed = IsPath(trimmed)
            ? ShortPath(trimmed)
            : PathValue().Replace(trimmed, m => "=" + ShortPath(m.Groups[1].Value));

        var slug = new StringBuilder(trimmed.Length);
        foreach (var c in trimmed.ToLowerInvariant())
        {
            if (c == '=')
            {
                continue;
            }

            slug.Append(c switch
            {
                ':' or ',' => '_',
                _ when char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' => c,
                _ => '-',
            });
        }

        var result = slug.ToString().Trim('-', '_', '.');
        return result.Length == 0 ? "unnamed" : result;
    }

    private static bool IsPath(string text) =>
        !text.Contains(':') && (text.Contains('/') || text.Contains('\\') || Path.HasExtension(text));

    private static string ShortPath(string path) => Path.GetFileNameWithoutExtension(path.TrimEnd('/', '\\'));

    [GeneratedRegex(@"=([^,=]*[/\\][^,=]*)")]
    private static partial Regex PathValue();
}
