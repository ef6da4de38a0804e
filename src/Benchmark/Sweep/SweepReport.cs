namespace NeuralPredictivity.Benchmark;

/// <summary>What one <c>predictivity sweep</c> process did.</summary>
/// <param name="Folder">The sweep folder.</param>
/// <param name="Shard">The share of units this process owned.</param>
/// <param name="Owned">Units of this shard.</param>
/// <param name="Ran">Units this process ran to the end.</param>
/// <param name="Skipped">Units already finished before this process started them.</param>
/// <param name="Failed">Units whose run threw; their errors are in <c>failed/</c>.</param>
public sealed record SweepReport(string Folder, ShardSpec Shard, int Owned, int Ran, int Skipped,
    IReadOnlyList<UnitStatus> Failed);
