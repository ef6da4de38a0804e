using CsvHelper;

namespace NeuralPredictivity.Benchmark;

/// <summary>The one data row of <c>summary.csv</c>, and one row per unit of <c>sweep.csv</c>.</summary>
/// <remarks>
/// The sweep columns (<c>family</c>, <c>nominal_d</c>, <c>unit_seed</c>, <c>unit</c>) are empty in a
/// single run's summary. Intervals are bootstrap 95 % over neurons. <c>match_target_pr</c> and
/// <c>match_within_tolerance</c> are filled only for a baseline matched in participation ratio.
/// </remarks>
[CsvRecord]
[CsvOptions(NewLine = "\n")]
internal sealed partial class SummaryRow
{
    [CsvColumn("unit")] public string? Unit { get; set; }
    [CsvColumn("family")] public string? Family { get; set; }
    [CsvColumn("nominal_d")] public int? NominalD { get; set; }
    [CsvColumn("unit_seed")] public int? UnitSeed { get; set; }
    [CsvColumn("model")] public string Model { get; set; } = "";
    [CsvColumn("dataset")] public string Dataset { get; set; } = "";
    [CsvColumn("protocol")] public string Protocol { get; set; } = "";
    [CsvColumn("regression")] public string Regression { get; set; } = "";
    [CsvColumn("folds")] public string Folds { get; set; } = "";
    [CsvColumn("trajectory")] public string Trajectory { get; set; } = "";
    [CsvColumn("seed")] public int Seed { get; set; }
    [CsvColumn("feature_count")] public int FeatureCount { get; set; }
    [CsvColumn("participation_ratio")] public double ParticipationRatio { get; set; }
    [CsvColumn("components_80pct")] public int Components80Percent { get; set; }
    [CsvColumn("median_r")] public double MedianR { get; set; }
    [CsvColumn("median_r_ci_low")] public double MedianRCiLow { get; set; }
    [CsvColumn("median_r_ci_high")] public double MedianRCiHigh { get; set; }
    [CsvColumn("median_r_norm")] public double MedianRNorm { get; set; }
    [CsvColumn("median_r_norm_ci_low")] public double MedianRNormCiLow { get; set; }
    [CsvColumn("median_r_norm_ci_high")] public double MedianRNormCiHigh { get; set; }
    [CsvColumn("median_r2_norm")] public double MedianR2Norm { get; set; }
    [CsvColumn("median_r2_norm_ci_low")] public double MedianR2NormCiLow { get; set; }
    [CsvColumn("median_r2_norm_ci_high")] public double MedianR2NormCiHigh { get; set; }
    [CsvColumn("ratio_of_medians_r_norm")] public double RatioOfMediansRNorm { get; set; }
    [CsvColumn("median_ceiling_rho")] public double MedianCeilingRho { get; set; }
    [CsvColumn("neurons_total")] public int NeuronsTotal { get; set; }
    [CsvColumn("neurons_included")] public int NeuronsIncluded { get; set; }
    [CsvColumn("neurons_excluded")] public int NeuronsExcluded { get; set; }
    [CsvColumn("bins_total")] public int BinsTotal { get; set; }
    [CsvColumn("bins_used")] public int BinsUsed { get; set; }
    [CsvColumn("bins_dropped")] public int BinsDropped { get; set; }
    [CsvColumn("match_target_pr", Optional = true)] public double? MatchTargetPr { get; set; }
    [CsvColumn("match_within_tolerance", Optional = true)] public bool? MatchWithinTolerance { get; set; }

    internal static SummaryRow From(RunSummary summary) => new()
    {
        Model = summary.Model,
        Dataset = summary.Dataset,
        Protocol = summary.Protocol,
        Regression = summary.Regression,
        Folds = summary.Folds,
        Trajectory = summary.Trajectory,
        Seed = summary.Seed,
        FeatureCount = summary.FeatureCount,
        ParticipationRatio = summary.ParticipationRatio,
        Components80Percent = summary.ComponentsFor80Percent,
        MedianR = summary.MedianR.Estimate,
        MedianRCiLow = summary.MedianR.CiLow,
        MedianRCiHigh = summary.MedianR.CiHigh,
        MedianRNorm = summary.MedianRNorm.Estimate,
        MedianRNormCiLow = summary.MedianRNorm.CiLow,
        MedianRNormCiHigh = summary.MedianRNorm.CiHigh,
        MedianR2Norm = summary.MedianR2Norm.Estimate,
        MedianR2NormCiLow = summary.MedianR2Norm.CiLow,
        MedianR2NormCiHigh = summary.MedianR2Norm.CiHigh,
        RatioOfMediansRNorm = summary.RatioOfMediansRNorm,
        MedianCeilingRho = summary.MedianCeiling,
        NeuronsTotal = summary.NeuronsTotal,
        NeuronsIncluded = summary.NeuronsIncluded,
        NeuronsExcluded = summary.NeuronsExcluded.Count,
        BinsTotal = summary.BinsTotal,
        BinsUsed = summary.BinsUsed,
        BinsDropped = summary.BinsTotal - summary.BinsUsed,
        MatchTargetPr = summary.MatchTargetParticipationRatio,
        MatchWithinTolerance = summary.MatchWithinTolerance,
    };
}
