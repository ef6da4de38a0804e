namespace NeuralPredictivity.Benchmark;

/// <summary>A neuron left out of the summary medians.</summary>
/// <param name="NeuronId">Unit id.</param>
/// <param name="Reason">Why, in words (for example "ceiling undefined: split-half r ≤ 0").</param>
public sealed record NeuronExclusion(string NeuronId, string Reason);
