using System.Text.Json.Serialization;

namespace NeuralPredictivity.Models;

/// <summary>Architecture, targets and training environment of a path integrator.</summary>
/// <remarks>
/// Defaults are the Sorscher et al. (2019) setup except the hidden size: 512 place cells of width
/// 0.12 m with difference-of-softmaxes targets (surround σ² ratio 2) in a 2.2 m square box, a ReLU
/// vanilla RNN without biases, and the initial state encoded linearly from the place-cell code of
/// the start position. The papers use 4096 hidden units; the default here is 512 so that a CPU
/// trains one in reasonable time. Distances are metres. Place-cell centres are uniform in the
/// box, drawn from NumPy's legacy stream seeded with <see cref="PlaceCellSeed"/> (x for all cells,
/// then y), exactly as <c>np.random.seed(0)</c> followed by two <c>np.random.uniform</c> calls.
/// </remarks>
public sealed record PathIntegratorOptions
{
    /// <summary>Recurrent core (default vanilla RNN).</summary>
    public CoreKind Core { get; init; } = CoreKind.VanillaRnn;

    /// <summary>Nonlinearity of a vanilla RNN (default ReLU); ignored by the gated cores.</summary>
    public Activation Activation { get; init; } = Activation.Relu;

    /// <summary>Number of recurrent units, the feature count (default 512).</summary>
    public int HiddenSize { get; init; } = 512;

    /// <summary>What the readout reports (default difference of softmaxes).</summary>
    public TargetKind Targets { get; init; } = TargetKind.DifferenceOfSoftmaxes;

    /// <summary>Number of place cells (default 512); ignored by Cartesian and polar targets.</summary>
    public int PlaceCellCount { get; init; } = 512;

    /// <summary>Place-cell width σ, m (default 0.12).</summary>
    public double PlaceCellWidth { get; init; } = 0.12;

    /// <summary>Surround σ² over centre σ² for difference-of-Gaussians-type targets (default 2).</summary>
    public double SurroundScale { get; init; } = 2.0;

    /// <summary>Seed of the place-cell centres (default 0, as in the published code).</summary>
    public int PlaceCellSeed { get; init; }

    /// <summary>Training box width, m (default 2.2).</summary>
    public double BoxWidth { get; init; } = 2.2;

    /// <summary>Training box height, m (default 2.2).</summary>
    public double BoxHeight { get; init; } = 2.2;

    /// <summary>Whether the training box wraps around (a torus) instead of having walls.</summary>
    public bool Periodic { get; init; }

    /// <summary>Movement statistics of the simulated trajectories.</summary>
    public TrajectoryOptions Trajectory { get; init; } = new();

    /// <summary>Size of the readout: the place-cell count, or 2 for Cartesian and polar targets.</summary>
    [JsonIgnore]
    public int OutputSize => Targets is TargetKind.Cartesian or TargetKind.Polar ? 2 : PlaceCellCount;

    /// <summary>Every problem with these values, empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(Core))
        {
            problems.Add($"unknown core {Core}");
        }

        if (!Enum.IsDefined(Activation))
        {
            problems.Add($"unknown activation {Activation}");
        }

        if (!Enum.IsDefined(Targets))
        {
            problems.Add($"unknown targets {Targets}");
        }

        if (HiddenSize < 1)
        {
            problems.Add($"hidden size must be ≥ 1, got {HiddenSize}");
        }

        if (PlaceCellCount < 3)
        {
            problems.Add($"place-cell count must be ≥ 3 (decoding averages the top 3), got {PlaceCellCount}");
        }

        if (!(PlaceCellWidth > 0) || !double.IsFinite(PlaceCellWidth))
        {
            problems.Add($"place-cell width must be > 0 m, got {PlaceCellWidth}");
        }

        if (!(SurroundScale > 1) || !double.IsFinite(SurroundScale))
        {
            problems.Add($"surround scale must be > 1 (the surround is wider than the centre), got {SurroundScale}");
        }

        if (!(BoxWidth > 0) || !(BoxHeight > 0) || !double.IsFinite(BoxWidth) || !double.IsFinite(BoxHeight))
        {
            problems.Add($"box must be positive, got {BoxWidth} × {BoxHeight} m");
        }

        if (Trajectory is null)
        {
            problems.Add("trajectory options are missing");
        }
        else
        {
            problems.AddRange(Trajectory.Problems());
        }

        return problems;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> listing every problem, if there is any.</summary>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid path-integrator options: " + string.Join("; ", problems) + ".");
        }
    }
}
