namespace NeuralPredictivity.Benchmark;

/// <summary>How features are mapped onto neurons (<c>--regression</c>).</summary>
public enum RegressionMethod
{
    /// <summary>Ridge with a penalty chosen per neuron from a grid (<c>ridge</c>).</summary>
    Ridge,

    /// <summary>Ridge with one fixed penalty for every neuron (<c>ridge-fixed</c>).</summary>
    RidgeFixed,

    /// <summary>Partial least squares with a fixed number of components (<c>pls</c>).</summary>
    Pls,
}
