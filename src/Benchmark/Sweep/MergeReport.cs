namespace NeuralPredictivity.Benchmark;

/// <summary>What <c>predictivity sweep merge</c> aggregated and what it could not.</summary>
/// <param name="Folder">The sweep folder.</param>
/// <param name="Total">Units in the plan.</param>
/// <param name="Finished">Units aggregated into <c>sweep.csv</c>.</param>
/// <param name="NotFinished">Units left out: failed, in progress or missing, in plan order.</param>
/// <param name="Files">Files written, full paths: <c>sweep.csv</c> first, then the figures drawn.</param>
public sealed record MergeReport(string Folder, int Total, int Finished, IReadOnlyList<UnitStatus> NotFinished,
    IReadOnlyList<string> Files)
{
    /// <summary>Why a figure was not written, one sentence each (e.g. no unit has finished yet); empty when
    /// every figure was drawn.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
