namespace NeuralPredictivity.Models;

/// <summary>Nonlinearity of a vanilla RNN core.</summary>
public enum Activation
{
    /// <summary>max(0, x), the Sorscher et al. (2019) default.</summary>
    Relu,

    /// <summary>tanh(x).</summary>
    Tanh,

    /// <summary>x (a linear RNN).</summary>
    Linear,

    /// <summary>1 / (1 + e⁻ˣ).</summary>
    Sigmoid,
}
