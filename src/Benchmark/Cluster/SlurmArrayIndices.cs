using System.Globalization;

namespace NeuralPredictivity.Benchmark.Cluster;

/// <summary>SLURM's array index lists (<c>0-3,5,7-9</c>) written from and read into index lists.</summary>
/// <remarks>
/// sbatch, squeue and sacct use the same notation: comma-separated single indices and inclusive
/// ranges <c>a-b</c>, a range optionally stepped (<c>a-b:s</c>), optionally followed by <c>%K</c>
/// (the most tasks running at once), which does not change the indices.
/// </remarks>
internal static class SlurmArrayIndices
{
    /// <summary>Ascending distinct indices folded into ranges:
    /// <c>[0, 1, 2, 5, 7, 8]</c> gives <c>0-2,5,7-8</c>.</summary>
    internal static string Compress(IEnumerable<int> indices)
    {
        var sorted = indices.Distinct().Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("An array needs at least one index.", nameof(indices));
        }

        var ranges = new List<string>();
        var start = 0;
        for (var i = 1; i <= sorted.Length; i++)
        {
            if (i < sorted.Length && sorted[i] == sorted[i - 1] + 1)
            {
                continue;
            }

            ranges.Add(i - 1 == start
                ? Invariant(sorted[start])
                : $"{Invariant(sorted[start])}-{Invariant(sorted[i - 1])}");
            start = i;
        }

        return string.Join(',', ranges);
    }

    /// <summary>The indices an index list names, ascending and distinct.</summary>
    /// <exception cref="FormatException">The text is not an index list.</exception>
    internal static IReadOnlyList<int> Expand(string spec)
    {
        var body = spec.Trim().TrimStart('[').Split('%')[0].TrimEnd(']');
        var indices = new SortedSet<int>();
        foreach (var part in body.Split(',', StringSplitOptions.TrimEntries))
        {
            var stepParts = part.Split(':');
            var bounds = stepParts[0].Split('-');
            if (bounds.Length is < 1 or > 2 || stepParts.Length > 2)
            {
                throw new FormatException($"expected an index, a range a-b or a-b:step; found '{part}'");
            }

            var first = ParseIndex(bounds[0], part);
            var last = bounds.Length == 2 ? ParseIndex(bounds[1], part) : first;
            var step = stepParts.Length == 2 ? ParseIndex(stepParts[1], part) : 1;
            if (last < first || step < 1)
            {
                throw new FormatException($"expected a range a-b with a ≤ b and a step ≥ 1; found '{part}'");
            }

            for (var index = first; index <= last; index += step)
            {
                indices.Add(index);
            }
        }

        return indices.ToArray();
    }

    private static int ParseIndex(string text, string part) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"expected a non-negative integer index; found '{text}' in '{part}'");

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
