using System.Globalization;

namespace NeuralPredictivity.Benchmark;

/// <summary>One tick of a log10 axis: its position (log10 of the value) and its label, or null for a minor tick.
/// </summary>
internal readonly record struct LogTick(double Position, string? Label);

/// <summary>Chooses labelled and minor ticks for a log10 axis over any span, from a sliver to many decades.
/// </summary>
/// <remarks>
/// Candidate labels come in levels, coarse first; a candidate is kept when it lies in view and at least
/// 1/<see cref="MaximumLabels"/> of the visible span (in decades) from every label kept so far, so labels never
/// crowd. The base levels are always tried: powers of 2 first on an axis of nominal dimensions (sweeps use
/// d = 4, 16, 64, …, so every point then sits on a label), then powers of 10, then 2 and 5 times them (the
/// 1-2-5 sequence). Only while fewer than <see cref="MinimumLabels"/> labels are in view are finer levels
/// added: 3 times a power of 10, every integer multiple, and last evenly spaced steps of 5, 2 or 1 times a
/// power of 10, the coarsest step that brings the count up. The old axis labelled only 1-2-5 values and left
/// d = 4 to 16 with the labels "5" and "10" alone, neither at a data point. Unlabelled integer multiples of
/// each power of 10 are minor ticks.
/// </remarks>
internal static class LogAxisTicks
{
    /// <summary>The most labels the spacing rule lets onto an axis.</summary>
    internal const int MaximumLabels = 10;

    /// <summary>Finer levels are added until at least this many labels are in view.</summary>
    internal const int MinimumLabels = 4;

    // Positions closer than this are the same tick (2 = 2¹ = 2·10⁰ must not be labelled twice).
    private const double SamePosition = 1e-9;

    /// <summary>Ticks for the visible range [<paramref name="lowLog"/>, <paramref name="highLog"/>] of log10
    /// values, labelled ticks in increasing position, then minor ones; <paramref name="powersOfTwo"/> labels
    /// powers of 2 before anything else (an axis of nominal dimension d).</summary>
    internal static IReadOnlyList<LogTick> Place(double lowLog, double highLog, bool powersOfTwo)
    {
        if (!double.IsFinite(lowLog) || !double.IsFinite(highLog) || !(highLog > lowLog))
        {
            throw new ArgumentException(
                $"A log axis needs a finite range with low < high, got [{lowLog}, {highLog}].", nameof(lowLog));
        }

        var gap = (highLog - lowLog) / MaximumLabels;
        var labels = new List<double>();
        var first = (int)Math.Floor(lowLog) - 1;
        var last = (int)Math.Ceiling(highLog) + 1;
        if (powersOfTwo)
        {
            Keep(labels, PowersOfTwo(lowLog, highLog), lowLog, highLog, gap);
        }

        Keep(labels, Multiples(first, last, [1]), lowLog, highLog, gap);
        Keep(labels, Multiples(first, last, [2, 5]), lowLog, highLog, gap);
        if (labels.Count < MinimumLabels)
        {
            Keep(labels, Multiples(first, last, [3]), lowLog, highLog, gap);
        }

        if (labels.Count < MinimumLabels)
        {
            Keep(labels, Multiples(first, last, [4, 6, 7, 8, 9]), lowLog, highLog, gap);
        }

        if (labels.Count < MinimumLabels)
        {
            Keep(labels, EvenSteps(labels, lowLog, highLog, gap), lowLog, highLog, gap);
        }

        var ticks = labels.Order().Select(v => new LogTick(Math.Log10(v), Label(v))).ToList();
        foreach (var minor in Multiples(first, last, [1, 2, 3, 4, 5, 6, 7, 8, 9]))
        {
            var position = Math.Log10(minor);
            if (position >= lowLog && position <= highLog && !labels.Any(v => Near(Math.Log10(v), position)))
            {
                ticks.Add(new LogTick(position, null));
            }
        }

        return ticks;
    }

    /// <summary>The label of a tick at <paramref name="value"/>: as short as it can be without rounding it.
    /// </summary>
    internal static string Label(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static void Keep(List<double> labels, IEnumerable<double> candidates, double low, double high, double gap)
    {
        foreach (var value in candidates)
        {
            var position = Math.Log10(value);
            var clear = labels.All(v => Math.Abs(Math.Log10(v) - position) >= Math.Max(gap, SamePosition));
            if (position >= low && position <= high && clear)
            {
                labels.Add(value);
            }
        }
    }

    private static IEnumerable<double> PowersOfTwo(double low, double high)
    {
        var from = (int)Math.Floor(low / Math.Log10(2));
        var to = (int)Math.Ceiling(high / Math.Log10(2));
        return Enumerable.Range(from, to - from + 1).Select(k => Math.Pow(2, k));
    }

    private static IEnumerable<double> Multiples(int firstDecade, int lastDecade, int[] multiples)
    {
        for (var decade = firstDecade; decade <= lastDecade; decade++)
        {
            foreach (var multiple in multiples)
            {
                // Parse the decimal text so 3·10⁻¹ is the double nearest 0.3, as its label says.
                yield return double.Parse($"{multiple}e{decade}", CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>Multiples of the coarsest step (5, 2 or 1 times a power of 10) that, with the labels kept so far,
    /// give <see cref="MinimumLabels"/> in view: over a sliver of a decade the axis is nearly linear.</summary>
    private static IEnumerable<double> EvenSteps(List<double> labels, double low, double high, double gap)
    {
        var (from, to) = (Math.Pow(10, low), Math.Pow(10, high));
        for (var exponent = (int)Math.Ceiling(Math.Log10(to - from)); exponent > -15; exponent--)
        {
            foreach (var multiple in new[] { 5, 2, 1 })
            {
                var step = double.Parse($"{multiple}e{exponent}", CultureInfo.InvariantCulture);
                var values = new List<double>();
                for (var k = Math.Ceiling(from / step); k * step <= to; k++)
                {
                    values.Add(Math.Round(k * step, Math.Clamp(-exponent, 0, 15)));
                }

                var trial = new List<double>(labels);
                Keep(trial, values, low, high, gap);
                if (trial.Count >= MinimumLabels)
                {
                    return values;
                }
            }
        }

        return [];
    }

    private static bool Near(double a, double b) => Math.Abs(a - b) < SamePosition;
}
