using System.Text;

namespace NeuralPredictivity.Benchmark;

/// <summary>Turns a dataset name, model spec or path into a short, file-system-safe folder name.</summary>
/// <remarks>
/// A path becomes its file name without extension. Then letters are lower-cased, <c>=</c> is dropped,
/// <c>:</c> and <c>,</c> become <c>_</c>, and any other character outside [a-z0-9._-] becomes <c>-</c>:
/// <c>random-fourier:d=512,seed=3</c> → <c>random-fourier_d512_seed3</c>. Distinct specs that would
/// collide this way differ in characters no spec uses.
/// </remarks>
internal static class Slug
{
    internal static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Contains('/') || trimmed.Contains('\\') || Path.HasExtension(trimmed) && !trimmed.Contains(':'))
        {
            trimmed = Path.GetFileNameWithoutExtension(trimmed.TrimEnd('/', '\\'));
        }

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
}
