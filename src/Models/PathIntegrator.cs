using TorchSharp;
using static TorchSharp.torch;

namespace NeuralPredictivity.Models;

/// <summary>A path-integrating recurrent network, trained or untrained, ready to be driven along
/// trajectories.</summary>
/// <remarks>
/// The network reads per-step displacement vectors (metres per step) and reports position through
/// <see cref="PathIntegratorOptions.Targets"/>; its initial state is encoded linearly from the target
/// vector of the start position. The features the toolkit regresses onto neurons are the
/// recurrent state hₜ of the layer named <see cref="FeatureLayer"/>, one feature per hidden unit;
/// drive the network with <see cref="NetworkFeatureMaps"/>. Weights are float32 on the CPU.
/// Dispose the instance to release its native tensors.
/// </remarks>
public sealed class PathIntegrator : IDisposable
{
    /// <summary>Name of the layer whose activations are the features: the recurrent core.</summary>
    public const string FeatureLayer = "RNN";

    /// <summary>File name (without extension) of the checkpoint shipped with the toolkit.</summary>
    public const string BundledName = "rnn_relu_256_sg";

    internal PathIntegrator(PathIntegratorNetwork network, PositionTargets targets, CheckpointSidecar? sidecar)
    {
        Network = network;
        Targets = targets;
        Training = sidecar?.Training;
        CompletedTrainingSteps = sidecar?.CompletedSteps ?? 0;
        TrainingCurve = sidecar?.Curve.ToArray() ?? [];
        TrainingSeconds = sidecar?.TrainingSeconds ?? 0;
        ImportedFrom = sidecar?.ImportedFrom;
    }

    /// <summary>Architecture, targets and training environment.</summary>
    public PathIntegratorOptions Options => Network.Options;

    /// <summary>Number of recurrent units, which is the number of features.</summary>
    public int HiddenSize => Options.HiddenSize;

    /// <summary>Training settings of the checkpoint, or null for an untrained or imported network.</summary>
    public TrainingOptions? Training { get; private set; }

    /// <summary>Optimiser steps the weights have seen (0 when untrained).</summary>
    public int CompletedTrainingSteps { get; private set; }

    /// <summary>Training curve recorded so far (empty when untrained or imported).</summary>
    public IReadOnlyList<TrainingCurvePoint> TrainingCurve { get; private set; }

    /// <summary>Wall-clock training time in seconds, summed over resumed runs.</summary>
    public double TrainingSeconds { get; private set; }

    /// <summary>Source file of imported weights, or null.</summary>
    public string? ImportedFrom { get; }

    /// <summary>Place-cell centres (cells × 2) in metres, box centred on (0, 0); empty for Cartesian
    /// and polar targets.</summary>
    public double[,] PlaceCellCentres => (double[,])Targets.Centres.Clone();

    /// <summary>One id per feature column, in hidden-unit order: <c>unit_0000</c>, <c>unit_0001</c>, …</summary>
    public IReadOnlyList<string> UnitIds =>
        Enumerable.Range(0, HiddenSize).Select(i => $"unit_{i:D4}").ToArray();

    /// <summary>Path of the bundled checkpoint's sidecar in the build output (models/).</summary>
    public static string BundledCheckpointPath =>
        Path.Combine(AppContext.BaseDirectory, "models", BundledName + ".json");

    internal PathIntegratorNetwork Network { get; }

    internal PositionTargets Targets { get; }

    /// <summary>An untrained network with PyTorch's default initialisation drawn from
    /// <paramref name="seed"/>.</summary>
    /// <remarks>
    /// Pass a trained network's <see cref="Options"/> to get the untrained control of the same
    /// architecture, targets and place cells. Same options and seed give the same weights.
    /// </remarks>
    public static PathIntegrator CreateUntrained(PathIntegratorOptions options, int seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var network = new PathIntegratorNetwork(options);
        network.Initialise(seed);
        network.eval();
        return new PathIntegrator(network, new PositionTargets(options), null);
    }

    /// <summary>Loads a checkpoint saved by <see cref="Save"/> or by training (path X, X.json or X.weights).</summary>
    /// <exception cref="FileNotFoundException">The sidecar or weights file is missing.</exception>
    /// <exception cref="InvalidDataException">The files are unreadable or do not belong together.</exception>
    public static PathIntegrator Load(string checkpointPath)
    {
        var basePath = CheckpointSidecar.BasePath(checkpointPath);
        var sidecar = CheckpointSidecar.Read(basePath);
        var weights = CheckpointSidecar.WeightsPath(basePath);
        CheckpointSidecar.VerifyHash(basePath, weights, sidecar.WeightsSha256);

        var network = new PathIntegratorNetwork(sidecar.Network);
        try
        {
            network.load(weights, strict: true);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            network.Dispose();
            throw new InvalidDataException(
                $"{weights}: cannot load the weights of a {Describe(sidecar.Network)} network: {ex.Message}", ex);
        }

        network.eval();
        var centres = sidecar.PlaceCellCentres is { } c ? ToMatrix(c) : null;
        return new PathIntegrator(network, new PositionTargets(sidecar.Network, centres), sidecar);
    }

    /// <summary>Loads the trained network shipped with the toolkit (see docs/models.md).</summary>
    /// <exception cref="FileNotFoundException">The build output lacks models/ (rebuild the toolkit).</exception>
    public static PathIntegrator LoadBundled()
    {
        var path = BundledCheckpointPath;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"{path}: the bundled model is missing from the build output; rebuild so models/ is copied.", path);
        }

        return Load(path);
    }

    /// <summary>Imports a PyTorch state dict of a path integrator trained elsewhere.</summary>
    /// <remarks>
    /// Reads the zip format of <c>torch.save</c> (PyTorch ≥ 1.6) through TorchSharp.PyBridge. Keys are
    /// those of the common PyTorch implementations (Sorscher et al. 2019): <c>encoder.weight</c>
    /// (hidden × place cells), <c>RNN.weight_ih_l0</c> (hidden × 2), <c>RNN.weight_hh_l0</c>
    /// (hidden × hidden), <c>decoder.weight</c> (place cells × hidden), plus <c>bias_ih_l0</c> and
    /// <c>bias_hh_l0</c> for an LSTM or GRU core; a <c>module.</c> prefix (DataParallel) is stripped.
    /// The network must have been fed displacements in metres per step with the sequence first,
    /// and its place-cell centres must be known: by default those of NumPy's legacy stream with
    /// <see cref="PathIntegratorOptions.PlaceCellSeed"/>, which is what <c>np.random.seed(0)</c> in
    /// the published code produces. Values are converted to float32.
    /// Limitation: the legacy pickle format of <c>torch.save</c> (PyTorch before 1.6, or
    /// <c>_use_new_zipfile_serialization=False</c>) cannot be read without Python and raises
    /// <see cref="NotSupportedException"/>; re-save the state dict with a current PyTorch.
    /// </remarks>
    /// <exception cref="NotSupportedException">The file uses torch.save's legacy format.</exception>
    /// <exception cref="InvalidDataException">The file is not a readable state dict, or keys or shapes
    /// do not fit the options.</exception>
    /// <param name="stateDictPath">File written by <c>torch.save(model.state_dict(), path)</c>.</param>
    /// <param name="options">Architecture and targets the network was trained with; sizes are checked
    /// against the file.</param>
    /// <param name="placeCellCentres">(cells × 2) centres in metres, or null for those of
    /// <see cref="PathIntegratorOptions.PlaceCellSeed"/>.</param>
    public static PathIntegrator ImportPyTorch(
        string stateDictPath, PathIntegratorOptions options, double[,]? placeCellCentres = null) =>
        PyTorchImport.Import(stateDictPath, options, placeCellCentres);

    /// <summary>Writes the weights and sidecar (X.weights, X.json), each atomically.</summary>
    public void Save(string checkpointPath) => SaveCheckpoint(CheckpointSidecar.BasePath(checkpointPath), null);

    /// <summary>One-line description,
    /// e.g. "VanillaRnn (Relu), 512 units, DifferenceOfSoftmaxes, 512 place cells".</summary>
    public override string ToString() => Describe(Options) +
        (CompletedTrainingSteps > 0
            ? $", trained {CompletedTrainingSteps} steps"
            : ImportedFrom is null ? ", untrained" : ", imported");

    /// <inheritdoc />
    public void Dispose()
    {
        Network.Dispose();
        Targets.Dispose();
    }

    internal void SaveCheckpoint(string basePath, Action<string>? writeOptimizer)
    {
        var weights = CheckpointSidecar.WeightsPath(basePath);
        CheckpointSidecar.WriteAtomically(weights, temporary => Network.save(temporary));
        var sidecar = new CheckpointSidecar
        {
            Network = Options,
            Training = Training,
            CompletedSteps = CompletedTrainingSteps,
            TrainingSeconds = TrainingSeconds,
            Curve = TrainingCurve.ToList(),
            ImportedFrom = ImportedFrom,
            PlaceCellCentres = CustomCentres(),
            WeightsFile = Path.GetFileName(weights),
            WeightsSha256 = CheckpointSidecar.Sha256(weights),
        };

        if (writeOptimizer is not null)
        {
            var optimizer = CheckpointSidecar.OptimizerPath(basePath);
            writeOptimizer(optimizer);
            sidecar.OptimizerFile = Path.GetFileName(optimizer);
            sidecar.OptimizerSha256 = CheckpointSidecar.Sha256(optimizer);
        }

        sidecar.Write(basePath);
    }

    internal void RecordTraining(
        TrainingOptions training, int completedSteps, IReadOnlyList<TrainingCurvePoint> curve, double seconds)
    {
        Training = training;
        CompletedTrainingSteps = completedSteps;
        TrainingCurve = curve.ToArray();
        TrainingSeconds = seconds;
    }

    internal static string Describe(PathIntegratorOptions options)
    {
        var core = options.Core == CoreKind.VanillaRnn ? $"VanillaRnn ({options.Activation})" : options.Core.ToString();
        var targets = options.Targets is TargetKind.Cartesian or TargetKind.Polar
            ? options.Targets.ToString()
            : $"{options.Targets}, {options.PlaceCellCount} place cells";
        return $"{core}, {options.HiddenSize} units, {targets}";
    }

    private double[][]? CustomCentres()
    {
        if (!Targets.UsesPlaceCells)
        {
            return null;
        }

        var generated = PositionTargets.GenerateCentres(Options);
        var centres = Targets.Centres;
        var same = true;
        for (var i = 0; i < centres.GetLength(0) && same; i++)
        {
            same = centres[i, 0] == generated[i, 0] && centres[i, 1] == generated[i, 1];
        }

        return same
            ? null
            : [Enumerable.Range(0, centres.GetLength(0)).Select(i => centres[i, 0]).ToArray(),
               Enumerable.Range(0, centres.GetLength(0)).Select(i => centres[i, 1]).ToArray()];
    }

    private static double[,] ToMatrix(double[][] xy)
    {
        if (xy.Length != 2 || xy[0].Length != xy[1].Length)
        {
            throw new InvalidDataException("placeCellCentres must hold two equal-length arrays (x, y).");
        }

        var centres = new double[xy[0].Length, 2];
        for (var i = 0; i < xy[0].Length; i++)
        {
            (centres[i, 0], centres[i, 1]) = (xy[0][i], xy[1][i]);
        }

        return centres;
    }
}
