namespace NeuralPredictivity.Benchmark;

/// <summary>The headline numbers of one run, as written to <c>summary.json</c> and <c>summary.csv</c>.</summary>
/// <remarks>
/// Medians are over neurons with a defined ceiling (and a defined score); the excluded neurons are
/// listed with the reason. <see cref="RatioOfMediansRNorm"/> is the Brain-Score form
/// median(r) / median(√ρ), kept apart from the median of per-neuron ratios because the two differ
/// when scores and ceilings are correlated across neurons.
/// </remarks>
public sealed record RunSummary
{
    /// <summary>Model spec as given (<c>--model</c>).</summary>
    public required string Model { get; init; }

    /// <summary>What the model resolved to, such as the checkpoint file and architecture.</summary>
    public required string ModelDescription { get; init; }

    /// <summary>Dataset name or path (<c>--dataset</c>).</summary>
    public required string Dataset { get; init; }

    /// <summary>Protocol label (see <see cref="RunProtocol.Label"/>).</summary>
    public required string Protocol { get; init; }

    /// <summary>Regression method, as on the command line.</summary>
    public required string Regression { get; init; }

    /// <summary>Fold scheme, as on the command line.</summary>
    public required string Folds { get; init; }

    /// <summary>Trajectory source, as on the command line.</summary>
    public required string Trajectory { get; init; }

    /// <summary>Master seed.</summary>
    public required int Seed { get; init; }

    /// <summary>Nominal dimension d: the number of feature columns regressed, or, for a trained network
    /// projected on its top d principal components, d (the projection's rank; its columns are the units).</summary>
    public required int FeatureCount { get; init; }

    /// <summary>Participation ratio of the features over the regression bins; NaN for constant features.</summary>
    public required double ParticipationRatio { get; init; }

    /// <summary>Fewest principal components holding ≥ 80 % of the feature variance.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("components_80pct")]
    public required int ComponentsFor80Percent { get; init; }

    /// <summary>Median over neurons of the raw held-out Pearson r.</summary>
    public required MedianEstimate MedianR { get; init; }

    /// <summary>Median over neurons of r / √ρ.</summary>
    public required MedianEstimate MedianRNorm { get; init; }

    /// <summary>Median over neurons of r² / ρ.</summary>
    public required MedianEstimate MedianR2Norm { get; init; }

    /// <summary>median(r) / median(√ρ) over the included neurons.</summary>
    public required double RatioOfMediansRNorm { get; init; }

    /// <summary>Median over the included neurons of the ceiling ρ.</summary>
    public required double MedianCeiling { get; init; }

    /// <summary>Neurons in the recording.</summary>
    public required int NeuronsTotal { get; init; }

    /// <summary>Neurons in the medians.</summary>
    public required int NeuronsIncluded { get; init; }

    /// <summary>Neurons left out, with the reason for each.</summary>
    public required IReadOnlyList<NeuronExclusion> NeuronsExcluded { get; init; }

    /// <summary>Bins of the grid.</summary>
    public required int BinsTotal { get; init; }

    /// <summary>Bins finite in every neuron map and every feature map (the regression bins).</summary>
    public required int BinsUsed { get; init; }

    /// <summary>Bins left out because some neuron map is NaN there (unvisited at running speed).</summary>
    public required int BinsDroppedByNeurons { get; init; }

    /// <summary>Bins left out because some feature map is NaN there (never reached by the trajectory),
    /// among those the neurons allow.</summary>
    public required int BinsDroppedByFeatures { get; init; }

    /// <summary>With <c>--match-pr-of</c> (and <c>sweep --match pr</c>): the participation ratio the baseline
    /// was matched to, measured on the same regression bins; null otherwise.</summary>
    public double? MatchTargetParticipationRatio { get; init; }

    /// <summary>With a participation-ratio match: whether the achieved ratio (<see cref="ParticipationRatio"/>)
    /// lies within the matcher's 1 % of the target. False means the family could not reach it and the
    /// closest map was used (the model description says how far off).</summary>
    public bool? MatchWithinTolerance { get; init; }
}
