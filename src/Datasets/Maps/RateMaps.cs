using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace NeuralPredictivity.Datasets;

/// <summary>Occupancy-normalised spatial rate maps of a recording's neurons on a grid.</summary>
/// <remarks>
/// ../shared/DESIGN.md ("Rate map"): rate = spike count / occupancy seconds per bin, over
/// samples and spikes at or above the minimum speed (default 2.5 cm/s). A bin the animal never
/// visited (no qualifying sample) is NaN; a visited bin without spikes is 0. Spike positions are
/// interpolated along the tracked path at each spike time; spikes in tracking gaps longer than
/// <see cref="RateMapOptions.MaxInterpolationGapS"/> are dropped and counted in the log.
/// Optional Gaussian smoothing is applied to counts and occupancy separately, then divided, so
/// NaN never spreads and unvisited bins stay NaN. The result is (bins × neurons) in Hz, columns in
/// <see cref="Recording.Neurons"/> order.
/// </remarks>
public static class RateMaps
{
    /// <summary>Rate maps (bins × neurons, Hz, NaN = unvisited) of every neuron of the recording.</summary>
    /// <exception cref="InvalidOperationException">The recording has no position.</exception>
    public static SpatialMaps Compute(Recording recording, SpatialGrid grid, RateMapOptions? options = null,
                                      ILogger? logger = null)
    {
        var binning = new SessionBinning(recording, grid, options ?? new RateMapOptions());
        var rates = binning.RateMaps();
        Report(recording, binning, logger ?? NullLogger.Instance);
        return new SpatialMaps(grid, rates, recording.NeuronIds);
    }

    /// <summary>
    /// Seconds spent in each bin (length = bins), over samples passing the speed filter; 0 = unvisited.
    /// </summary>
    /// <remarks>Occupancy is never smoothed here; smoothing belongs to the rate computation.</remarks>
    public static double[] Occupancy(Recording recording, SpatialGrid grid, RateMapOptions? options = null)
    {
        return new SessionBinning(recording, grid, options ?? new RateMapOptions()).Occupancy();
    }

    /// <summary>The fastest running speed in cm/s among the recording's tracked samples, estimated exactly as the
    /// <see cref="RateMapOptions.MinSpeedCmPerS"/> filter estimates it; NaN when no sample has a speed.</summary>
    /// <remarks>A speed threshold above this leaves no position sample, hence no rate map: callers check it before
    /// any work and name the threshold rather than the empty maps it causes.</remarks>
    public static double FastestSpeedCmPerS(Recording recording, RateMapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(recording);
        return SessionBinning.FastestSpeed(recording, options ?? new RateMapOptions());
    }

    /// <summary>Mean firing rate of each neuron in Hz: spikes in the session / session duration.</summary>
    /// <remarks>Not speed-filtered and not binned; the figure data/README.md calls "mean rate".</remarks>
    public static double[] MeanRatesHz(Recording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        return recording.MeanRatesHz();
    }

    private static void Report(Recording recording, SessionBinning binning, ILogger logger)
    {
        var visited = binning.Occupancy().Count(o => o > 0);
        Log.RateMapsBuilt(logger, recording.Name, binning.Grid.BinCount, visited, binning.NeuronCount,
                          binning.IncludedSampleCount, binning.TotalSampleCount, binning.Options.MinSpeedCmPerS);
        if (binning.SpikesInGaps > 0)
        {
            Log.SpikesInTrackingGaps(logger, recording.Name, binning.SpikesInGaps,
                binning.Options.MaxInterpolationGapS);
        }

        if (binning.SpikesOutsideGrid > 0)
        {
            Log.SpikesOutsideGrid(logger, recording.Name, binning.SpikesOutsideGrid);
        }
    }
}
