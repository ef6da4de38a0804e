namespace NeuralPredictivity.Models;

/// <summary>The recurrent core of a path integrator.</summary>
/// <remarks>
/// Parameters follow PyTorch's layout and names (<c>weight_ih_l0</c>, <c>weight_hh_l0</c>,
/// <c>bias_ih_l0</c>, <c>bias_hh_l0</c>; gate order i, f, g, o for the LSTM and r, z, n for the GRU),
/// so state dicts of PyTorch's <c>nn.RNN</c>, <c>nn.LSTM</c> and <c>nn.GRU</c> map one to one.
/// </remarks>
public enum CoreKind
{
    /// <summary>hₜ = f(W_ih vₜ + W_hh hₜ₋₁), no bias (Sorscher et al. 2019); f from
    /// <see cref="Activation"/>.</summary>
    VanillaRnn,

    /// <summary>Long short-term memory (Hochreiter &amp; Schmidhuber 1997) with biases.</summary>
    Lstm,

    /// <summary>Gated recurrent unit (Cho et al. 2014) with biases.</summary>
    Gru,

    /// <summary>
    /// Update-gate RNN (Collins et al. 2017): g = σ(W_g[v, h] + b_g), c = tanh(W_c[v, h] + b_c),
    /// hₜ = g ⊙ hₜ₋₁ + (1 − g) ⊙ c; b_g starts at 1 so the state is first mostly kept.
    /// </summary>
    Ugrnn,
}
