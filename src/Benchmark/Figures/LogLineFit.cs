using System.Globalization;

namespace NeuralPredictivity.Benchmark;

/// <summary>A family's least-squares line of median r_norm on log10(x), or the reason none is fitted.</summary>
/// <param name="Low">Smallest finite positive x of the points (NaN when there is none).</param>
/// <param name="High">Largest finite positive x of the points (NaN when there is none).</param>
/// <param name="Intercept">y at x = 1; NaN when <paramref name="Reason"/> is set.</param>
/// <param name="Slope">Change in y per tenfold increase in x; NaN when <paramref name="Reason"/> is set.</param>
/// <param name="Reason">Why there is no slope, e.g. "range too narrow for a slope"; null when there is one.</param>
/// <remarks>
/// Rule: a slope is fitted only when the points' x values span at least a factor of
/// <see cref="MinimumRangeFactor"/> (log10 2 ≈ 0.3 decades). Over a narrower span the fitted slope is
/// dominated by the scatter of the scores rather than by the trend: the shuffled control's PR moves only from
/// 2.50 to 2.76 between d = 4 and d = 16 (0.04 decades), and a scatter of ±0.01 in r_norm there already reads
/// as "+0.29 per decade". The figures then print the range and this reason instead of a number, so nobody
/// extrapolates a line that the data never spanned.
/// </remarks>
internal sealed record LogLineFit(double Low, double High, double Intercept, double Slope, string? Reason)
{
    /// <summary>Smallest ratio of the largest to the smallest x over which a slope is fitted.</summary>
    internal const double MinimumRangeFactor = 2;

    internal const string TooNarrow = "range too narrow for a slope";

    internal const string TooFew = "one x value only, no slope";

    internal const string NoPoints = "no finite point";

    /// <summary>True when the points span enough x for a slope.</summary>
    internal bool HasSlope => Reason is null;

    /// <summary>Fits y = intercept + slope · log10(x) over the points whose x is positive and both are finite,
    /// when their x values span at least <see cref="MinimumRangeFactor"/>.</summary>
    internal static LogLineFit Of(IReadOnlyList<double> xs, IReadOnlyList<double> ys)
    {
        var points = xs.Zip(ys).Where(p => p.First > 0 && double.IsFinite(p.First) && double.IsFinite(p.Second))
            .ToList();
        if (points.Count == 0)
        {
            return new LogLineFit(double.NaN, double.NaN, double.NaN, double.NaN, NoPoints);
        }

        var low = points.Min(p => p.First);
        var high = points.Max(p => p.First);
        if (low == high)
        {
            return new LogLineFit(low, high, double.NaN, double.NaN, TooFew);
        }

        if (high < MinimumRangeFactor * low)
        {
            return new LogLineFit(low, high, double.NaN, double.NaN, TooNarrow);
        }

        var logs = points.Select(p => (X: Math.Log10(p.First), Y: p.Second)).ToList();
        var meanX = logs.Average(p => p.X);
        var meanY = logs.Average(p => p.Y);
        var sxy = logs.Sum(p => (p.X - meanX) * (p.Y - meanY));
        var sxx = logs.Sum(p => (p.X - meanX) * (p.X - meanX));
        var slope = sxy / sxx;
        return new LogLineFit(low, high, meanY - slope * meanX, slope, null);
    }

    /// <summary>The legend text after the family name: the slope over the range, or the range and the reason.
    /// </summary>
    /// <param name="quantity">The x quantity as the reader knows it, e.g. "PR" or "d".</param>
    internal string Describe(string quantity)
    {
        if (Reason == NoPoints)
        {
            return NoPoints;
        }

        var range = Low == High ? $"{quantity} {Value(Low)}" : $"{quantity} {Value(Low)}–{Value(High)}";
        return HasSlope
            ? $"slope {Slope.ToString("+0.000;-0.000", CultureInfo.InvariantCulture)} per decade of {range}"
            : $"{range}: {Reason}";
    }

    /// <summary>Whole numbers as such (d = 16), else three significant digits up to 100 (2.50, 12.3).</summary>
    internal static string Value(double value) => value.ToString(
        value == Math.Round(value) || value >= 100 ? "0" : value < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);
}
