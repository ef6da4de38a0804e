namespace NeuralPredictivity.Benchmark;

/// <summary>What "dimension d" means for the baseline families of a sweep (<c>--match</c>).</summary>
public enum DimensionMatch
{
    /// <summary>d feature columns (<c>nominal</c>).</summary>
    Nominal,

    /// <summary>As many columns as it takes for the baseline's participation ratio to equal that of the
    /// trained model truncated to d principal components (<c>pr</c>).</summary>
    ParticipationRatio,
}
