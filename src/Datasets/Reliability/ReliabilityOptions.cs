namespace NeuralPredictivity.Datasets;

/// <summary>Settings of the split-half reliability: scheme, block length, number of draws and seed.</summary>
/// <remarks>Defaults follow ../shared/DESIGN.md: random 60 s blocks, 10 draws.</remarks>
public sealed record ReliabilityOptions
{
    /// <summary>How the session is split into two halves.</summary>
    public ReliabilityScheme Scheme { get; init; } = ReliabilityScheme.RandomBlocks;

    /// <summary>
    /// Block length in s for <see cref="ReliabilityScheme.RandomBlocks"/> and <see
    /// cref="ReliabilityScheme.OddEvenMinutes"/>.
    /// </summary>
    public double BlockLengthS { get; init; } = 60;

    /// <summary>Number of random block assignments averaged (random blocks only).</summary>
    public int DrawCount { get; init; } = 10;

    /// <summary>Seed of the random block assignments; the same seed gives the same halves.</summary>
    public int Seed { get; init; }

    /// <summary>Checks every field and reports all problems at once.</summary>
    /// <exception cref="ArgumentException">A field is out of range, or the scheme is cross-session (use <see
    /// cref="CrossSessionReliability"/>).</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (!(BlockLengthS > 0) || double.IsInfinity(BlockLengthS))
        {
            problems.Add($"--block-length: must be a positive number of seconds, got {BlockLengthS}");
        }

        if (DrawCount < 1)
        {
            problems.Add($"--draws: must be at least 1, got {DrawCount}");
        }

        if (Scheme == ReliabilityScheme.CrossSession)
        {
            problems.Add(
                "--scheme: cross-session reliability compares two recordings; call CrossSessionReliability.Compute");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems) + ".");
        }
    }
}
