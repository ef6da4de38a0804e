using System.Globalization;
using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Cli.Commands;

/// <summary>Where the <c>models</c> subcommands evaluate maps: the arena, its grid and the bins a run would
/// regress on.</summary>
/// <param name="Arena">The dataset's arena, or the one <c>--arena</c> gives.</param>
/// <param name="Grid">Square bins over the arena.</param>
/// <param name="Label">Where the arena came from, e.g. <c>stensola2012_ben: square 150 × 150 cm, …</c>.</param>
/// <param name="VisitedBins">Bins with occupancy at running speed, one per grid bin; null when every bin
/// counts (an <c>--arena</c>, or a recording without position).</param>
/// <param name="MinSpeedCmPerS">The speed a sample needed to count as a visit.</param>
internal sealed record MapSite(
    Arena Arena, SpatialGrid Grid, string Label, bool[]? VisitedBins, double MinSpeedCmPerS)
{
    /// <summary>One line for the top of the output: the arena, the grid and the bins that are measured.</summary>
    internal string Heading => VisitedBins is null
        ? $"{Label}; grid {Grid}; every bin measured"
        : string.Create(CultureInfo.InvariantCulture,
            $"{Label}; grid {Grid}; PR on the {VisitedBins.Count(v => v)} of {Grid.BinCount} bins visited at " +
            $"≥ {MinSpeedCmPerS:0.##} cm/s");
}
