namespace NeuralPredictivity.Regression;

/// <summary>What a <see cref="HyperparameterChoice"/> chose.</summary>
public enum HyperparameterKind
{
    /// <summary>Ridge penalty α.</summary>
    Alpha,

    /// <summary>Number of PLS components.</summary>
    Components,
}
