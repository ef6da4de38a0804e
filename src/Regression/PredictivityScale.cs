namespace NeuralPredictivity.Regression;

/// <summary>The scale on which held-out predictivity is normalised by a neuron's reliability.</summary>
public enum PredictivityScale
{
    /// <summary>Correlation scale: r / √ρ (Spearman's correction for attenuation).</summary>
    Correlation,

    /// <summary>Explained-variance scale: r² / ρ.</summary>
    ExplainedVariance,
}
