using System.Globalization;
using System.Text.RegularExpressions;
using NeuralPredictivity.Benchmark;

namespace NeuralPredictivity.Cli.Commands;

/// <summary>The short summary table printed on standard output at the end of <c>predictivity run</c>.</summary>
internal static partial class RunCommandTable
{
    internal static void Write(TextWriter output, RunOutcome outcome, RunSettings settings)
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
            .. FeatureSeedRow(settings, s.ModelDescription),
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

    /// <summary>Explains a feature seed the user did not choose, when the model description shows it.</summary>
    /// <remarks>A spec without <c>seed=</c> takes the seed derived from the master seed for the features
    /// (<see cref="SeedPurpose.Features"/>): a ten-digit number nobody typed, which would otherwise look like
    /// a fault.</remarks>
    private static string[][] FeatureSeedRow(RunSettings settings, string modelDescription)
    {
        var seed = settings.SeedFor(SeedPurpose.Features).ToString(CultureInfo.InvariantCulture);
        if (OwnSeed().IsMatch(settings.Model) || !Regex.IsMatch(modelDescription, $@"\b{seed}\b"))
        {
            return [];
        }

        return
        [
            ["feature seed", $"{seed}: derived from --seed {settings.Seed} for the features " +
                "(give seed=N in --model to choose it)"],
        ];
    }

    [GeneratedRegex(@"(^|[:,])\s*seed\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex OwnSeed();

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
