using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Benchmark;

/// <summary>The recording side of a run: grid, neuron rate maps, noise ceilings and mean rates.</summary>
/// <param name="Recording">The validated recording (with position).</param>
/// <param name="Grid">Square bins over the arena.</param>
/// <param name="RateMaps">(bins × neurons) Hz; NaN = unvisited at running speed.</param>
/// <param name="Ceilings">Split-half reliability ρ per neuron; NaN where undefined.</param>
/// <param name="MeanRatesHz">Spikes / session duration per neuron.</param>
internal sealed record DatasetInputs(
    Recording Recording, SpatialGrid Grid, SpatialMaps RateMaps, IReadOnlyList<double> Ceilings,
    IReadOnlyList<double> MeanRatesHz)
{
    internal Arena Arena => Recording.Arena!;
}
