namespace NeuralPredictivity.Benchmark;

/// <summary>What a finished run produced.</summary>
/// <param name="Folder">The results folder (full path), complete.</param>
/// <param name="Summary">The headline numbers, as in <c>summary.json</c>.</param>
/// <param name="TimingsSeconds">Wall-clock seconds per phase, as in <c>manifest.json</c>.</param>
public sealed record RunOutcome(string Folder, RunSummary Summary, IReadOnlyDictionary<string, double> TimingsSeconds);
