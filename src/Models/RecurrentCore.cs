using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NeuralPredictivity.Models;

/// <summary>State carried between steps: the hidden state, plus the cell state of an LSTM.</summary>
internal readonly record struct RecurrentState(Tensor Hidden, Tensor? Cell);

/// <summary>A single-layer recurrent core with PyTorch's parameter names, unrolled over time.</summary>
/// <remarks>
/// The input projection of every step is one matrix product before the loop; the loop then adds
/// the recurrent term step by step. Inputs are (steps × batch × inputs); the returned hidden states
/// are (steps × batch × hidden), the unit activations the toolkit reads out as features.
/// </remarks>
internal abstract class RecurrentCore : nn.Module
{
    protected RecurrentCore(string name, int inputSize, int hiddenSize, int gateCount)
        : base(name)
    {
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        WeightInputHidden = new Parameter(empty(gateCount * hiddenSize, inputSize));
        WeightHiddenHidden = new Parameter(empty(gateCount * hiddenSize, hiddenSize));
        register_parameter("weight_ih_l0", WeightInputHidden);
        register_parameter("weight_hh_l0", WeightHiddenHidden);
    }

    internal int InputSize { get; }

    internal int HiddenSize { get; }

    internal Parameter WeightInputHidden { get; }

    internal Parameter WeightHiddenHidden { get; }

    /// <summary>Whether the state includes an LSTM cell state.</summary>
    internal virtual bool HasCellState => false;

    /// <summary>Matrices penalised by weight decay: the hidden-to-hidden weights only.</summary>
    internal IEnumerable<Parameter> RecurrentWeights() => [WeightHiddenHidden];

    /// <summary>Unrolls the core; returns (steps × batch × hidden) and the state after the last step.</summary>
    internal abstract Tensor Run(Tensor inputs, RecurrentState state, out RecurrentState final);

    /// <summary>PyTorch's default initialisation: every parameter uniform on ±1/√hidden.</summary>
    internal virtual void Initialise(Generator generator)
    {
        var bound = 1.0 / Math.Sqrt(HiddenSize);
        using var noGrad = no_grad();
        foreach (var parameter in parameters())
        {
            parameter.uniform_(-bound, bound, generator);
        }
    }

    protected static Tensor Step(Tensor projectedInput, Tensor hidden, Tensor weightHiddenHiddenT) =>
        addmm(projectedInput, hidden, weightHiddenHiddenT, 1, 1);

    /// <summary>1 − g for a gate g, as −g + 1 with a caller-owned Scalar 1 (<c>one - g</c> would make an alpha
    /// Scalar that nothing keeps alive; see build/BannedSymbols.txt).</summary>
    protected static Tensor OneMinus(Tensor gate, Scalar one) => gate.neg().add_(one, one);
}

/// <summary>hₜ = f(W_ih vₜ + W_hh hₜ₋₁) without biases, as in Sorscher et al. (2019).</summary>
internal sealed class VanillaRnnCore : RecurrentCore
{
    private readonly Activation _activation;

    internal VanillaRnnCore(int inputSize, int hiddenSize, Activation activation)
        : base("RNN", inputSize, hiddenSize, 1)
    {
        _activation = activation;
    }

    internal override Tensor Run(Tensor inputs, RecurrentState state, out RecurrentState final)
    {
        var projected = inputs.matmul(WeightInputHidden.t());
        var recurrentT = WeightHiddenHidden.t();
        var hidden = state.Hidden;
        var outputs = new Tensor[inputs.shape[0]];
        for (var t = 0; t < outputs.Length; t++)
        {
            hidden = Apply(Step(projected[t], hidden, recurrentT));
            outputs[t] = hidden;
        }

        final = new RecurrentState(hidden, null);
        return stack(outputs);
    }

    private Tensor Apply(Tensor x) => _activation switch
    {
        Activation.Relu => nn.functional.relu(x),
        Activation.Tanh => tanh(x),
        Activation.Sigmoid => sigmoid(x),
        _ => x,
    };
}

/// <summary>PyTorch's LSTM cell (gates i, f, g, o) with input and hidden biases.</summary>
internal sealed class LstmCore : RecurrentCore
{
    internal LstmCore(int inputSize, int hiddenSize)
        : base("RNN", inputSize, hiddenSize, 4)
    {
        register_parameter("bias_ih_l0", new Parameter(empty(4 * hiddenSize)));
        register_parameter("bias_hh_l0", new Parameter(empty(4 * hiddenSize)));
    }

    internal override bool HasCellState => true;

    internal override Tensor Run(Tensor inputs, RecurrentState state, out RecurrentState final)
    {
        var parameters = named_parameters().ToDictionary(p => p.name, p => p.parameter);
        using var one = 1.ToScalar();
        var projected = inputs.matmul(WeightInputHidden.t())
            .add(parameters["bias_ih_l0"], one).add(parameters["bias_hh_l0"], one);
        var recurrentT = WeightHiddenHidden.t();
        var (hidden, cell) = (state.Hidden, state.Cell!);
        var outputs = new Tensor[inputs.shape[0]];
        for (var t = 0; t < outputs.Length; t++)
        {
            var gates = Step(projected[t], hidden, recurrentT).chunk(4, -1);
            cell = (sigmoid(gates[1]) * cell).add(sigmoid(gates[0]) * tanh(gates[2]), one);
            hidden = sigmoid(gates[3]) * tanh(cell);
            outputs[t] = hidden;
        }

        final = new RecurrentState(hidden, cell);
        return stack(outputs);
    }
}

/// <summary>PyTorch's GRU cell (gates r, z, n): n uses r ⊙ (W_hn h + b_hn),
/// hₜ = (1 − z) ⊙ n + z ⊙ hₜ₋₁.</summary>
internal sealed class GruCore : RecurrentCore
{
    internal GruCore(int inputSize, int hiddenSize)
        : base("RNN", inputSize, hiddenSize, 3)
    {
        register_parameter("bias_ih_l0", new Parameter(empty(3 * hiddenSize)));
        register_parameter("bias_hh_l0", new Parameter(empty(3 * hiddenSize)));
    }

    internal override Tensor Run(Tensor inputs, RecurrentState state, out RecurrentState final)
    {
        var parameters = named_parameters().ToDictionary(p => p.name, p => p.parameter);
        using var one = 1.ToScalar();
        var projected = inputs.matmul(WeightInputHidden.t()).add(parameters["bias_ih_l0"], one);
        var recurrentT = WeightHiddenHidden.t();
        var hiddenBias = parameters["bias_hh_l0"];
        var hidden = state.Hidden;
        var outputs = new Tensor[inputs.shape[0]];
        for (var t = 0; t < outputs.Length; t++)
        {
            var fromInput = projected[t].chunk(3, -1);
            var fromHidden = addmm(hiddenBias, hidden, recurrentT, 1, 1).chunk(3, -1);
            var reset = sigmoid(fromInput[0].add(fromHidden[0], one));
            var update = sigmoid(fromInput[1].add(fromHidden[1], one));
            var candidate = tanh(fromInput[2].add(reset * fromHidden[2], one));
            hidden = (OneMinus(update, one) * candidate).add(update * hidden, one);
            outputs[t] = hidden;
        }

        final = new RecurrentState(hidden, null);
        return stack(outputs);
    }
}

/// <summary>
/// Update-gate RNN (Collins et al. 2017): rows 0…H−1 of the weights are the gate, rows H…2H−1
/// the candidate; one bias <c>bias_l0</c>.
/// </summary>
internal sealed class UgrnnCore : RecurrentCore
{
    internal UgrnnCore(int inputSize, int hiddenSize)
        : base("RNN", inputSize, hiddenSize, 2)
    {
        register_parameter("bias_l0", new Parameter(empty(2 * hiddenSize)));
    }

    internal override Tensor Run(Tensor inputs, RecurrentState state, out RecurrentState final)
    {
        var bias = named_parameters().First(p => p.name == "bias_l0").parameter;
        using var one = 1.ToScalar();
        var projected = inputs.matmul(WeightInputHidden.t()).add(bias, one);
        var recurrentT = WeightHiddenHidden.t();
        var hidden = state.Hidden;
        var outputs = new Tensor[inputs.shape[0]];
        for (var t = 0; t < outputs.Length; t++)
        {
            var parts = Step(projected[t], hidden, recurrentT).chunk(2, -1);
            var gate = sigmoid(parts[0]);
            hidden = (gate * hidden).add(OneMinus(gate, one) * tanh(parts[1]), one);
            outputs[t] = hidden;
        }

        final = new RecurrentState(hidden, null);
        return stack(outputs);
    }

    /// <summary>Uniform weights as the other cores, and a gate bias of 1 so the state starts mostly kept.</summary>
    internal override void Initialise(Generator generator)
    {
        base.Initialise(generator);
        using var noGrad = no_grad();
        var bias = named_parameters().First(p => p.name == "bias_l0").parameter;
        using var one = 1.0.ToScalar();
        bias[TensorIndex.Slice(0, HiddenSize)].fill_(one);
        bias[TensorIndex.Slice(HiddenSize, 2 * HiddenSize)].zero_();
    }
}
