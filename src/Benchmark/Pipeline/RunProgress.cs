using System.Globalization;

namespace NeuralPredictivity.Benchmark;

/// <summary>Progress of a run: which phase, and how far within it.</summary>
/// <param name="Phase">1-based phase number.</param>
/// <param name="PhaseCount">Number of phases.</param>
/// <param name="Name">Phase name, such as <c>regression</c>.</param>
/// <param name="Detail">What is done within the phase, such as <c>fold 3/5</c>; empty at its start.</param>
/// <param name="IsLast">True for the final report of the run.</param>
public sealed record RunProgress(int Phase, int PhaseCount, string Name, string Detail, bool IsLast = false)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"[{Phase}/{PhaseCount}] {Name}{(Detail.Length > 0 ? ": " + Detail : "")}");
}
