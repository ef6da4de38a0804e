namespace NeuralPredictivity.Datasets;

/// <summary>Pearson correlation of two maps over the bins finite in both.</summary>
/// <remarks>
/// Two-pass (means first, then centred sums), which is exact enough for maps of a few thousand
/// bins. A map that is constant over the shared bins has no correlation: detected by exact
/// equality of all its values (../shared/DESIGN.md, "Pearson r"), never by a variance threshold
/// that rounding can defeat, and reported as NaN. Fewer than two shared bins also gives NaN.
/// </remarks>
internal static class Correlation
{
    internal static double PearsonOverFinite(double[] a, double[] b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"Maps differ in length: {a.Length} and {b.Length} bins.", nameof(b));
        }

        var shared = new List<int>(a.Length);
        for (var i = 0; i < a.Length; i++)
        {
            if (double.IsFinite(a[i]) && double.IsFinite(b[i]))
            {
                shared.Add(i);
            }
        }

        if (shared.Count < 2 || IsConstant(a, shared) || IsConstant(b, shared))
        {
            return double.NaN;
        }

        double meanA = 0, meanB = 0;
        foreach (var i in shared)
        {
            meanA += a[i];
            meanB += b[i];
        }

        meanA /= shared.Count;
        meanB /= shared.Count;

        double sab = 0, saa = 0, sbb = 0;
        foreach (var i in shared)
        {
            var (da, db) = (a[i] - meanA, b[i] - meanB);
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }

        return Math.Clamp(sab / Math.Sqrt(saa * sbb), -1.0, 1.0);
    }

    private static bool IsConstant(double[] values, List<int> bins)
    {
        var first = values[bins[0]];
        return bins.All(i => values[i] == first);
    }
}
