namespace NeuralPredictivity.Cli.Commands;

/// <summary>The family list of a sweep: <c>--families</c> plus one trained family per <c>--checkpoints</c>
/// file.</summary>
/// <remarks>
/// Families are separated by commas, and so are a spec's parameters: a comma-separated part that is a
/// parameter (<c>name=value</c> before any <c>:</c>) belongs to the family before it, so
/// <c>trained,random-fourier:lengthscale=20cm,scale=2,place-cells</c> is three families.
/// </remarks>
internal static class SweepFamilies
{
    internal const string DefaultText = "trained,untrained,random-fourier,random-relu,place-cells,grid-cells";

    internal static IReadOnlyList<string> Resolve(string? families, string? checkpoints)
    {
        var list = new List<string>();
        foreach (var part in (families ?? DefaultText).Split(',', StringSplitOptions.TrimEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var isParameter = equals > 0 && (colon < 0 || equals < colon);
            if (isParameter && list.Count > 0)
            {
                list[^1] += "," + part;
            }
            else
            {
                list.Add(part);
            }
        }

        foreach (var checkpoint in (checkpoints ?? "").Split(',',
                     StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            list.Add($"trained:checkpoint={Path.GetFullPath(checkpoint)}");
        }

        return list;
    }
}
