using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NeuralPredictivity.Models;

/// <summary>Encoder → recurrent core → readout, with the module names of the common PyTorch code.</summary>
/// <remarks>
/// <c>encoder</c> maps the target vector of the start position (outputs) linearly to the initial
/// hidden state; an LSTM also has <c>encoder_cell</c> for its initial cell state. <c>RNN</c> is the
/// recurrent core, whose hidden state hₜ (batch × hidden) is the feature layer. <c>decoder</c> is a
/// linear readout hₜ → targets. No module has a bias except the gated cores. State-dict keys are
/// therefore <c>encoder.weight</c>, <c>RNN.weight_ih_l0</c>, <c>RNN.weight_hh_l0</c>, <c>decoder.weight</c>
/// (+ biases of gated cores), as in Sorscher et al.'s PyTorch model.
/// </remarks>
internal sealed class PathIntegratorNetwork : nn.Module
{
    internal const int InputSize = 2;

    internal PathIntegratorNetwork(PathIntegratorOptions options)
        : base("PathIntegrator")
    {
        options.Validate();
        Options = options;
        var hidden = options.HiddenSize;
        Encoder = nn.Linear(options.OutputSize, hidden, hasBias: false);
        Core = options.Core switch
        {
            CoreKind.VanillaRnn => new VanillaRnnCore(InputSize, hidden, options.Activation),
            CoreKind.Lstm => new LstmCore(InputSize, hidden),
            CoreKind.Gru => new GruCore(InputSize, hidden),
            _ => new UgrnnCore(InputSize, hidden),
        };
        Decoder = nn.Linear(hidden, options.OutputSize, hasBias: false);

        register_module("encoder", Encoder);
        if (Core.HasCellState)
        {
            CellEncoder = nn.Linear(options.OutputSize, hidden, hasBias: false);
            register_module("encoder_cell", CellEncoder);
        }

        register_module("RNN", Core);
        register_module("decoder", Decoder);
    }

    internal PathIntegratorOptions Options { get; }

    internal Linear Encoder { get; }

    internal Linear? CellEncoder { get; }

    internal RecurrentCore Core { get; }

    internal Linear Decoder { get; }

    /// <summary>Seeded initialisation: PyTorch's defaults, drawn from one generator in a fixed order.</summary>
    /// <remarks>
    /// Linear layers are uniform on ±1/√fan-in (PyTorch's Kaiming-uniform default with a = √5);
    /// core parameters as in <see cref="RecurrentCore.Initialise"/>. The order is encoder, cell
    /// encoder, core, decoder, so a seed always gives the same weights.
    /// </remarks>
    internal void Initialise(long seed)
    {
        using var generator = new Generator((ulong)seed);
        using (no_grad())
        {
            InitialiseLinear(Encoder, generator);
            if (CellEncoder is not null)
            {
                InitialiseLinear(CellEncoder, generator);
            }
        }

        Core.Initialise(generator);
        using (no_grad())
        {
            InitialiseLinear(Decoder, generator);
        }
    }

    /// <summary>Initial state from the target vectors (batch × outputs) of the start positions.</summary>
    internal RecurrentState InitialState(Tensor startCode) =>
        new(Encoder.forward(startCode), CellEncoder?.forward(startCode));

    /// <summary>Hidden states (steps × batch × hidden) for displacements (steps × batch × 2)
    /// from a state.</summary>
    internal Tensor Hidden(Tensor velocities, RecurrentState state, out RecurrentState final) =>
        Core.Run(velocities, state, out final);

    /// <summary>Readout (… × outputs) of hidden states (… × hidden).</summary>
    internal Tensor Readout(Tensor hidden) => Decoder.forward(hidden);

    /// <summary>Σ ‖W_hh‖², the weight-decay penalty on recurrent weights.</summary>
    internal Tensor RecurrentPenalty()
    {
        Tensor? total = null;
        using var one = 1.ToScalar();
        using var two = 2.ToScalar();
        foreach (var weight in Core.RecurrentWeights())
        {
            var term = weight.pow(two).sum();
            total = total is null ? term : total.add(term, one);
        }

        return total!;
    }

    private static void InitialiseLinear(Linear layer, Generator generator)
    {
        var bound = 1.0 / Math.Sqrt(layer.weight!.shape[1]);
        layer.weight.uniform_(-bound, bound, generator);
    }
}
