using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Benchmark.Tests;

/// <summary>Writes a unit's results folder from <see cref="SyntheticRun"/> instead of fitting anything,
/// so the sweep engine's bookkeeping can be tested in milliseconds.</summary>
/// <remarks>
/// The summary's participation ratio and score follow a known law per family, so merge output can be
/// checked: PR = d^0.8, median r_norm = base + slope · log10(PR) with slope 0.1 for "alpha" and 0.2
/// for "beta". Units named in <see cref="FailOnce"/> throw on their first attempt. With
/// <see cref="MatchTarget"/> set, every unit reports a participation-ratio match to it, reached (within
/// 1 %) unless the unit is named in <see cref="MissMatch"/>.
/// </remarks>
internal sealed class FakeUnitRunner
{
    internal List<string> Calls { get; } = [];

    internal HashSet<string> FailOnce { get; } = [];

    internal double? MatchTarget { get; init; }

    internal HashSet<string> MissMatch { get; } = [];

    internal void Run(SweepUnit unit, RunSettings settings, CancellationToken cancellation)
    {
        Calls.Add(unit.Id);
        if (FailOnce.Remove(unit.Id))
        {
            throw new InvalidOperationException($"simulated failure of {unit.Id}");
        }

        var result = SyntheticRun.Create(settings);
        var pr = Math.Pow(unit.Dimension, 0.8);
        var slope = unit.Family.StartsWith("beta", StringComparison.Ordinal) ? 0.2 : 0.1;
        var score = 0.2 + slope * Math.Log10(pr);
        result = result with
        {
            Summary = result.Summary with
            {
                FeatureCount = unit.Dimension,
                ParticipationRatio = pr,
                MedianRNorm = new MedianEstimate(score, score - 0.05, score + 0.05),
                MatchTargetParticipationRatio = MatchTarget,
                MatchWithinTolerance = MatchTarget is null ? null : !MissMatch.Contains(unit.Id),
            },
        };

        using var folder = AtomicFolder.Begin(settings.OutputFolder!, replaceExisting: false);
        ResultsWriter.WriteData(folder.WorkPath, result);
        ResultsWriter.WriteManifest(folder.WorkPath, TestManifests.For(result));
        folder.Commit();
    }
}
