using CsvHelper;

namespace NeuralPredictivity.Benchmark;

/// <summary>One row of <c>neurons.csv</c>: one neuron on one fold, with that neuron's overall scores.</summary>
/// <remarks>
/// Tidy: one row per neuron × fold. The per-neuron columns (<c>neuron_r</c> onward) repeat on each of
/// the neuron's rows so that any row stands alone. <c>r2</c> is the coefficient of determination on the
/// fold's test bins; <c>r2_norm</c> is the squared Pearson r over ρ. Empty cells mean "not applicable"
/// (alpha for PLS, components for ridge); NaN means "undefined" (a constant map, a ceiling ≤ 0).
/// </remarks>
[CsvRecord]
[CsvOptions(NewLine = "\n")]
internal sealed partial class NeuronFoldRow
{
    [CsvColumn("neuron_id")] public string NeuronId { get; set; } = "";
    [CsvColumn("fold")] public int Fold { get; set; }
    [CsvColumn("r")] public double R { get; set; }
    [CsvColumn("r2")] public double R2 { get; set; }
    [CsvColumn("alpha")] public double? Alpha { get; set; }
    [CsvColumn("alpha_at_grid_edge")] public bool? AlphaAtGridEdge { get; set; }
    [CsvColumn("pls_components")] public int? PlsComponents { get; set; }
    [CsvColumn("train_bins")] public int TrainBins { get; set; }
    [CsvColumn("test_bins")] public int TestBins { get; set; }
    [CsvColumn("neuron_r")] public double NeuronR { get; set; }
    [CsvColumn("ceiling_rho")] public double CeilingRho { get; set; }
    [CsvColumn("r_norm")] public double RNorm { get; set; }
    [CsvColumn("r2_norm")] public double R2Norm { get; set; }
    [CsvColumn("mean_rate_hz")] public double MeanRateHz { get; set; }
    [CsvColumn("bins_used")] public int BinsUsed { get; set; }
    [CsvColumn("included")] public bool Included { get; set; }
    [CsvColumn("exclusion")] public string? Exclusion { get; set; }
}
