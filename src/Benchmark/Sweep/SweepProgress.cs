using System.Globalization;

namespace NeuralPredictivity.Benchmark;

/// <summary>Progress of a sweep process: which unit starts, out of how many left to run.</summary>
/// <param name="Unit">The unit starting now; null when the process has finished its share.</param>
/// <param name="Done">Units of this process already handled.</param>
/// <param name="Total">Units this process had to run when it started.</param>
public sealed record SweepProgress(SweepUnit? Unit, int Done, int Total)
{
    /// <summary>Whether this is the last report.</summary>
    public bool IsLast => Unit is null;

    /// <inheritdoc />
    public override string ToString() => Unit is null
        ? Total == 0
            ? "sweep: nothing to run (every unit of this share is already finished)"
            : string.Create(CultureInfo.InvariantCulture, $"sweep: {Done}/{Total} units handled")
        : string.Create(CultureInfo.InvariantCulture, $"sweep: unit {Done + 1}/{Total}: {Unit.Id}");
}
