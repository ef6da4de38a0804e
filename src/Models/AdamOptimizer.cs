using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NeuralPredictivity.Models;

/// <summary>Adam (Kingma and Ba, 2015) computed as <c>torch.optim.Adam</c> computes it, with every scalar
/// coefficient kept alive for as long as LibTorch reads it.</summary>
/// <remarks>
/// <para>For gradient g at step t (from 1), per parameter θ with moments m and v (zero at first):
/// m ← β₁·m + (1 − β₁)·g;  v ← β₂·v + (1 − β₂)·g²;
/// θ ← θ − (η / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε).
/// The operations and their order are those of TorchSharp's <c>optim.Adam</c>, so both give the same bytes
/// (pinned by a test).</para>
/// <para>Why not TorchSharp's own: in TorchSharp 0.107 a <see cref="Scalar"/> holds a raw native pointer
/// and a finaliser, and <c>optim.Adam</c> passes its coefficients (β, 1 − β, ε, the step size) as temporary
/// Scalars. Once the pointer is handed to LibTorch nothing keeps the temporary alive, so a collection
/// started by another thread can free it mid-operation: under collection pressure 126 of 5,000 steps failed
/// with "Expected false to be true" or "Unknown scalar type", and a freed coefficient can also be read as a
/// wrong number without any error. Here each coefficient is created once per step in a <c>using</c>
/// declaration and disposed after the last operation that reads it. The toolkit's own code is held to the
/// same rule by build/BannedSymbols.txt.</para>
/// <para>The state file holds a header, the step count and both moments of every parameter in order;
/// <see cref="Load"/> checks each against the network it is loaded for.</para>
/// </remarks>
internal sealed class AdamOptimizer : IDisposable
{
    private const string Header = "neuralpredictivity-adam";
    private const int FormatVersion = 1;

    // BinaryWriter.Write(string): a one-byte length (the headers are short), then the ASCII characters.
    private static readonly byte[] OwnHeader = [(byte)Header.Length, .. System.Text.Encoding.ASCII.GetBytes(Header)];
    private static readonly byte[] TorchSharpHeader = [4, .. "Adam"u8];

    private readonly Parameter[] _parameters;
    private readonly Tensor[] _firstMoments;
    private readonly Tensor[] _secondMoments;
    private readonly double _learningRate;
    private readonly double _beta1;
    private readonly double _beta2;
    private readonly double _epsilon;
    private long _step;

    /// <summary>Creates the optimiser with zero moments.</summary>
    /// <param name="parameters">Every parameter to update, in a fixed order (the state file's order).</param>
    /// <param name="learningRate">η.</param>
    /// <param name="beta1">β₁, decay of the first moment.</param>
    /// <param name="beta2">β₂, decay of the second moment.</param>
    /// <param name="epsilon">ε, added to the denominator.</param>
    internal AdamOptimizer(IEnumerable<Parameter> parameters, double learningRate, double beta1 = 0.9,
        double beta2 = 0.999, double epsilon = 1e-8)
    {
        _parameters = parameters.ToArray();
        _learningRate = learningRate;
        (_beta1, _beta2, _epsilon) = (beta1, beta2, epsilon);
        _firstMoments = _parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
        _secondMoments = _parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
    }

    /// <summary>Steps taken so far (t of the bias corrections).</summary>
    internal long StepCount => _step;

    /// <summary>Sets every parameter's gradient to zero before the next backward pass.</summary>
    internal void ZeroGradients()
    {
        using var scope = NewDisposeScope();
        foreach (var parameter in _parameters)
        {
            parameter.grad?.zero_();
        }
    }

    /// <summary>One update of every parameter that has a gradient.</summary>
    internal void Step()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        _step++;
        var biasCorrection1 = 1 - Math.Pow(_beta1, _step);
        var biasCorrection2 = 1 - Math.Pow(_beta2, _step);
        using var one = 1.ToScalar();
        using var beta1 = _beta1.ToScalar();
        using var gradientWeight1 = (1 - _beta1).ToScalar();
        using var beta2 = _beta2.ToScalar();
        using var gradientWeight2 = (1 - _beta2).ToScalar();
        using var rootCorrection2 = Math.Sqrt(biasCorrection2).ToScalar();
        using var epsilon = _epsilon.ToScalar();
        using var stepSize = (-_learningRate / biasCorrection1).ToScalar();
        for (var i = 0; i < _parameters.Length; i++)
        {
            var gradient = _parameters[i].grad;
            if (gradient is null)
            {
                continue;
            }

            _firstMoments[i].mul_(beta1).add_(gradient, gradientWeight1);
            _secondMoments[i].mul_(beta2).addcmul_(gradient, gradient, gradientWeight2);
            var denominator = _secondMoments[i].sqrt().div_(rootCorrection2).add_(epsilon, one);
            _parameters[i].addcdiv_(_firstMoments[i], denominator, stepSize);
        }
    }

    /// <summary>Writes the step count and moments to <paramref name="path"/>.</summary>
    internal void Save(string path)
    {
        using var stream = File.Create(path);
        using var writer = new BinaryWriter(stream);
        writer.Write(Header);
        writer.Write(FormatVersion);
        writer.Write(_step);
        writer.Write(_parameters.Length);
        for (var i = 0; i < _parameters.Length; i++)
        {
            _firstMoments[i].Save(writer);
            _secondMoments[i].Save(writer);
        }
    }

    /// <summary>Reads a state written by <see cref="Save"/> for the same parameters.</summary>
    /// <remarks>A file in TorchSharp's Adam format (checkpoints written before this class) is read too.</remarks>
    /// <exception cref="InvalidDataException">The file is not such a state, is truncated, or holds another number
    /// or shape of parameters; the message names the file and what differs.</exception>
    internal void Load(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream);
        try
        {
            var start = reader.ReadBytes(1 + Header.Length);
            if (start.AsSpan().StartsWith(TorchSharpHeader))
            {
                reader.Close();
                LoadTorchSharpState(path);
                return;
            }

            if (!start.AsSpan().SequenceEqual(OwnHeader))
            {
                throw new InvalidDataException(
                    $"{path}: expected an optimiser state starting '{Header}' (this toolkit) or 'Adam' (TorchSharp's " +
                    "Adam, in checkpoints written before version 0.1.0); found neither.");
            }

            var version = reader.ReadInt32();
            if (version != FormatVersion)
            {
                throw new InvalidDataException(
                    $"{path}: expected an optimiser state of format version {FormatVersion}; found version " +
                    $"{version}, written by another version of the toolkit.");
            }

            var step = reader.ReadInt64();
            var count = reader.ReadInt32();
            if (count != _parameters.Length)
            {
                throw new InvalidDataException(
                    $"{path}: expected moments of {_parameters.Length} parameters; found {count}.");
            }

            for (var i = 0; i < count; i++)
            {
                LoadMoment(reader, _firstMoments[i], path, i);
                LoadMoment(reader, _secondMoments[i], path, i);
            }

            _step = step;
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"{path}: the optimiser state ends early (truncated file).");
        }
    }

    /// <summary>Reads the state <c>torch.optim.Adam</c> saved, as checkpoints written before this class did
    /// (the bundled model's included): TorchSharp loads its own format, and its step count and moments are
    /// copied here. Steps taken afterwards are those TorchSharp's Adam would have taken (same arithmetic).</summary>
    private void LoadTorchSharpState(string path)
    {
        using var legacy = optim.Adam(_parameters, _learningRate, _beta1, _beta2, _epsilon);
        try
        {
            legacy.load_state_dict(path);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            throw new InvalidDataException(
                $"{path}: expected an optimiser state written by this toolkit ('{Header}') or by TorchSharp's " +
                $"Adam for these {_parameters.Length} parameters; found neither ({exception.Message.Trim()}).",
                exception);
        }

        var states = legacy.state_dict().State.OfType<Adam.State>().ToList();
        if (states.Count != _parameters.Length)
        {
            throw new InvalidDataException(
                $"{path}: expected TorchSharp Adam moments of {_parameters.Length} parameters; found {states.Count}.");
        }

        for (var i = 0; i < states.Count; i++)
        {
            CopyMoment(states[i].exp_avg, _firstMoments[i], path, i);
            CopyMoment(states[i].exp_avg_sq, _secondMoments[i], path, i);
        }

        _step = states.Max(state => state.step);
    }

    public void Dispose()
    {
        foreach (var moment in _firstMoments.Concat(_secondMoments))
        {
            moment.Dispose();
        }
    }

    private static void LoadMoment(BinaryReader reader, Tensor moment, string path, int index)
    {
        using var loaded = TensorExtensionMethods.Load(reader);
        CopyMoment(loaded, moment, path, index);
    }

    private static void CopyMoment(Tensor loaded, Tensor moment, string path, int index)
    {
        if (!loaded.shape.SequenceEqual(moment.shape) || loaded.dtype != moment.dtype)
        {
            throw new InvalidDataException(
                $"{path}: expected parameter {index}'s moments as {moment.dtype} " +
                $"[{string.Join(", ", moment.shape)}]; found {loaded.dtype} [{string.Join(", ", loaded.shape)}].");
        }

        using var noGrad = no_grad();
        moment.copy_(loaded);
    }
}
