namespace NeuralPredictivity.Models;

/// <summary>One point of a training curve: means over the steps since the previous point.</summary>
/// <param name="Step">Last step (1-based) included in the mean.</param>
/// <param name="Loss">Mean target loss, without the weight-decay penalty.</param>
/// <param name="DecodingErrorCm">Mean distance between decoded and true position, cm.</param>
public sealed record TrainingCurvePoint(int Step, double Loss, double DecodingErrorCm);
