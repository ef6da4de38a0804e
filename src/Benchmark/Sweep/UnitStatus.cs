namespace NeuralPredictivity.Benchmark;

/// <summary>One unit's state in a sweep folder.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Detail">The error of a failed unit, the owner of a work folder; otherwise empty.</param>
public sealed record UnitStatus(SweepUnit Unit, UnitState State, string Detail);
