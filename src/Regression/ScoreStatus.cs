namespace NeuralPredictivity.Regression;

/// <summary>Whether a per-neuron held-out score is defined, and why not when it is not.</summary>
public enum ScoreStatus
{
    /// <summary>The score is a number.</summary>
    Defined,

    /// <summary>The neuron's actual responses are all equal in the test bins: r is 0/0, reported NaN.</summary>
    ConstantResponse,

    /// <summary>The predictions are all equal in the test bins: r is 0/0, reported NaN.</summary>
    ConstantPrediction,

    /// <summary>Fewer than two test bins: no correlation exists.</summary>
    TooFewBins,
}
