using System.Globalization;
using NeuralPredictivity.Benchmark;

namespace NeuralPredictivity.Cli.Commands;

/// <summary>The short summary table printed on standard output at the end of <c>predictivity run</c>.</summary>
internal static class RunCommandTable
{
    internal static void Write(TextWriter output, RunOutcome outcome)
    {
        var s = outcome.Summary;
        var excluded = s.NeuronsExcluded.Count == 0
            ? ""
            : " (excluded: " + string.Join(", ", s.NeuronsExcluded.GroupBy(e => Reason(e.Reason))
                .Select(g => $"{g.Count()} {g.Key}")) + ")";
        var timings = string.Join(", ", outcome.TimingsSeconds.Select(t => $"{t.Key} {Number(t.Value, "0.0")}"));
        string[][] rows =
        [
            ["model", s.Model == s.ModelDescription ? s.Model : $"{s.Model}: {s.ModelDescription}"],
            ["dataset", s.Dataset],
            ["protocol", $"{s.Protocol} ({s.Regression}, {s.Folds} folds, {s.Trajectory} trajectories, seed {s.Seed})"],
            ["features", $"d = {s.FeatureCount}, participation ratio {Number(s.ParticipationRatio, "0.0")}"],
            ["bins", $"{s.BinsUsed} of {s.BinsTotal} used ({s.BinsTotal - s.BinsUsed} dropped)"],
            ["neurons", $"{s.NeuronsIncluded} of {s.NeuronsTotal} in the medians{excluded}"],
            ["median r", Interval(s.MedianR)],
            ["median r_norm", Interval(s.MedianRNorm) + "   r / √ρ"],
            ["median r2_norm", Interval(s.MedianR2Norm) + "   r² / ρ"],
            ["ratio of medians", Number(s.RatioOfMediansRNorm, "0.000") + "   median r / median √ρ"],
            ["time (s)", $"{Number(outcome.TimingsSeconds.Values.Sum(), "0.0")} ({timings})"],
            ["results", outcome.Folder],
        ];

        var width = rows.Max(r => r[0].Length);
        output.WriteLine();
        foreach (var row in rows)
        {
            output.WriteLine($"  {row[0].PadRight(width)}  {row[1]}");
        }
    }

    private static string Interval(MedianEstimate estimate) =>
        $"{Number(estimate.Estimate, "0.000")}  " +
        $"[{Number(estimate.CiLow, "0.000")}, {Number(estimate.CiHigh, "0.000")}] 95 % CI";

    private static string Reason(string reason)
    {
        var colon = reason.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? reason[..colon] : reason;
    }

    private static string Number(double value, string format) =>
        double.IsNaN(value) ? "NaN" : value.ToString(format, CultureInfo.InvariantCulture);
}
