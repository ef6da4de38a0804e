namespace NeuralPredictivity.Models;

/// <summary>How simulated animals move: the random-walk statistics of Sorscher et al. (2019).</summary>
/// <remarks>
/// Units are SI, as in the published setup: metres, seconds, radians. The toolkit's datasets are
/// in centimetres; <see cref="NetworkFeatureMaps"/> converts at the boundary (1 m = 100 cm).
/// Each step the speed is drawn from a Rayleigh distribution with scale <see cref="SpeedScale"/>
/// and the heading turns by N(0, <see cref="TurnSd"/>)·dt. Within <see cref="BorderRegion"/> of a
/// wall, heading towards it, the speed is multiplied by <see cref="BorderSlowdown"/> and the
/// heading turns away by the angle between heading and the wall's normal, so the next step runs
/// along the wall. In a periodic box there are no walls and positions wrap.
/// </remarks>
public sealed record TrajectoryOptions
{
    /// <summary>Time step in seconds (default 0.02 s, 50 Hz).</summary>
    public double TimeStep { get; init; } = 0.02;

    /// <summary>Scale σ of the Rayleigh speed distribution, m/s (default 0.13·2π ≈ 0.817 m/s;
    /// mean σ√(π/2)).</summary>
    public double SpeedScale { get; init; } = 0.13 * 2 * Math.PI;

    /// <summary>Standard deviation of the angular velocity, rad/s (default 11.52).</summary>
    public double TurnSd { get; init; } = 11.52;

    /// <summary>Distance from a wall within which border avoidance acts, m (default 0.03).</summary>
    public double BorderRegion { get; init; } = 0.03;

    /// <summary>Speed factor while avoiding a wall (default 0.25).</summary>
    public double BorderSlowdown { get; init; } = 0.25;

    /// <summary>Every problem with these values, empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!(TimeStep > 0) || !double.IsFinite(TimeStep))
        {
            problems.Add($"trajectory time step must be > 0 s, got {TimeStep}");
        }

        if (!(SpeedScale > 0) || !double.IsFinite(SpeedScale))
        {
            problems.Add($"speed scale must be > 0 m/s, got {SpeedScale}");
        }

        if (!(TurnSd >= 0) || !double.IsFinite(TurnSd))
        {
            problems.Add($"turn standard deviation must be ≥ 0 rad/s, got {TurnSd}");
        }

        if (!(BorderRegion >= 0) || !double.IsFinite(BorderRegion))
        {
            problems.Add($"border region must be ≥ 0 m, got {BorderRegion}");
        }

        if (!(BorderSlowdown > 0 && BorderSlowdown <= 1))
        {
            problems.Add($"border slowdown must be in (0, 1], got {BorderSlowdown}");
        }

        return problems;
    }
}
