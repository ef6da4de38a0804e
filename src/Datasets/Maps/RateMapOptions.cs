namespace NeuralPredictivity.Datasets;

/// <summary>How rate maps are built: speed filter, interpolation gap limit and optional smoothing.</summary>
/// <remarks>
/// Defaults follow ../shared/DESIGN.md ("Rate map"): samples and spikes count only while the
/// animal moves at ≥ 2.5 cm/s, and maps are unsmoothed. <see cref="MaxInterpolationGapS"/> decides
/// when a stretch of lost or missing tracking is too long to interpolate a spike's position
/// across; such spikes are dropped and counted.
/// </remarks>
public sealed record RateMapOptions
{
    /// <summary>Minimum running speed in cm/s for a sample or spike to count; 0 keeps every tracked sample.</summary>
    public double MinSpeedCmPerS { get; init; } = 2.5;

    /// <summary>
    /// Gaussian smoothing σ in bins, applied to spike counts and occupancy separately; 0 (default) is off.
    /// </summary>
    public double SmoothingSigmaBins { get; init; }

    /// <summary>
    /// Longest time in s between two tracked samples across which a spike's position is interpolated.
    /// </summary>
    /// <remarks>
    /// 0.5 s spans a few lost frames at 25–50 Hz but not a long dropout, during which a running rat
    /// covers more than a bin. <see cref="double.PositiveInfinity"/> interpolates across every gap,
    /// as the sanity figures of data/README.md do.
    /// </remarks>
    public double MaxInterpolationGapS { get; init; } = 0.5;

    /// <summary>Checks every field and reports all problems at once.</summary>
    /// <exception cref="ArgumentException">A field is out of range.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (!(MinSpeedCmPerS >= 0) || double.IsInfinity(MinSpeedCmPerS))
        {
            problems.Add($"--min-speed: must be a finite number ≥ 0 cm/s, got {MinSpeedCmPerS}");
        }

        if (!(SmoothingSigmaBins >= 0) || double.IsInfinity(SmoothingSigmaBins))
        {
            problems.Add($"--smoothing-sigma: must be a finite number ≥ 0 bins (0 = off), got {SmoothingSigmaBins}");
        }

        if (!(MaxInterpolationGapS > 0))
        {
            problems.Add(
                "--max-gap: must be > 0 s (use infinity to interpolate across every gap), got " +
                $"{MaxInterpolationGapS}");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems) + ".");
        }
    }
}
