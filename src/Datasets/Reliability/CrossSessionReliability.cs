using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace NeuralPredictivity.Datasets;

/// <summary>
/// A second noise ceiling from two sessions of the same neurons: the correlation of their full maps.
/// </summary>
/// <remarks>
/// Neurons are matched by id (the Hafting et al. 2005 Fig. 2c trials hold the same 7 cells under
/// the same ids). Both sessions are mapped on one grid with the same options and r is taken over
/// bins finite in both. Each map already covers a whole session, so r itself is the test–retest
/// reliability of a full-session map; no Spearman–Brown step is applied, and ρ = r for r &gt; 0,
/// NaN otherwise. Unlike a split-half ceiling, this one also absorbs genuine drift between
/// sessions, so it is usually lower.
/// </remarks>
public static class CrossSessionReliability
{
    /// <summary>
    /// Ceilings of the neurons of <paramref name="first"/> that also appear, by id, in <paramref
    /// name="second"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The sessions share no neuron id.</exception>
    /// <exception cref="InvalidOperationException">A recording has no position.</exception>
    public static ReliabilityResult Compute(Recording first, Recording second, SpatialGrid grid,
                                            RateMapOptions? rateMapOptions = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        logger ??= NullLogger.Instance;
        rateMapOptions ??= new RateMapOptions();

        var secondIndex = second.Neurons.Select((n, i) => (n.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var shared = first.Neurons.Select((n, i) => (n.Id, i)).Where(p => secondIndex.ContainsKey(p.Id)).ToList();
        if (shared.Count == 0)
        {
            throw new ArgumentException(
                $"{first.Name} and {second.Name} share no neuron id, so they cannot give a cross-session ceiling.",
                nameof(second));
        }

        if (shared.Count < first.Neurons.Count)
        {
            Log.CrossSessionUnmatched(logger, first.Neurons.Count - shared.Count, first.Name, second.Name);
        }

        var firstMaps = new SessionBinning(first, grid, rateMapOptions).RateMaps();
        var secondMaps = new SessionBinning(second, grid, rateMapOptions).RateMaps();
        var correlations = new double[shared.Count];
        var ceilings = new double[shared.Count];
        var defined = new int[shared.Count];
        for (var k = 0; k < shared.Count; k++)
        {
            var (id, i) = shared[k];
            correlations[k] = Correlation.PearsonOverFinite(
                SplitHalfReliability.Column(firstMaps, i), SplitHalfReliability.Column(secondMaps, secondIndex[id]));
            ceilings[k] = correlations[k] > 0 ? correlations[k] : double.NaN;
            defined[k] = double.IsFinite(correlations[k]) ? 1 : 0;
        }

        var result = new ReliabilityResult(ReliabilityScheme.CrossSession, shared.Select(p => p.Id).ToArray(),
                                           correlations, ceilings, defined, drawCount: 1);
        Log.ReliabilityComputed(logger, $"{first.Name} vs {second.Name}", ReliabilityScheme.CrossSession.ToString(),
                                result.DefinedCount, shared.Count, result.MedianCeiling());
        return result;
    }
}
