namespace NeuralPredictivity.Benchmark;

/// <summary>A median over neurons with its bootstrap 95 % interval.</summary>
/// <param name="Estimate">Median over the included neurons; NaN when none is included.</param>
/// <param name="CiLow">2.5th percentile of the bootstrap medians.</param>
/// <param name="CiHigh">97.5th percentile of the bootstrap medians.</param>
public sealed record MedianEstimate(double Estimate, double CiLow, double CiHigh)
{
    /// <summary>The estimate undefined (no neurons).</summary>
    public static MedianEstimate Undefined { get; } = new(double.NaN, double.NaN, double.NaN);
}
