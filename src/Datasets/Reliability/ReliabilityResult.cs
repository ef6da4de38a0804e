namespace NeuralPredictivity.Datasets;

/// <summary>
/// Per-neuron reliability: the correlation between two maps of each neuron and the ceiling derived from it.
/// </summary>
/// <remarks>
/// For split-half schemes <see cref="Correlations"/> is the Pearson r between the two half-session
/// maps averaged over draws, and <see cref="Ceilings"/> the Spearman–Brown reliability of a
/// full-session map, ρ = 2r/(1+r), defined only for r &gt; 0 (NaN otherwise). For
/// <see cref="ReliabilityScheme.CrossSession"/> r is between two full-session maps, already the
/// test–retest reliability of a full map, so ρ = r (again only for r &gt; 0). NaN marks a neuron
/// without a ceiling: it is kept in place, never dropped or set to 0, and summaries exclude it
/// and say how many were excluded. All lists are in <see cref="NeuronIds"/> order.
/// </remarks>
public sealed class ReliabilityResult
{
    internal ReliabilityResult(ReliabilityScheme scheme, IReadOnlyList<string> neuronIds, double[] correlations,
                               double[] ceilings, int[] definedDraws, int drawCount)
    {
        Scheme = scheme;
        NeuronIds = neuronIds;
        Correlations = correlations;
        Ceilings = ceilings;
        DefinedDraws = definedDraws;
        DrawCount = drawCount;
    }

    /// <summary>How the two maps were formed.</summary>
    public ReliabilityScheme Scheme { get; }

    /// <summary>Neuron ids, one per entry of the other lists.</summary>
    public IReadOnlyList<string> NeuronIds { get; }

    /// <summary>
    /// Pearson r between the two maps of each neuron (mean over draws); NaN when undefined in every draw.
    /// </summary>
    public IReadOnlyList<double> Correlations { get; }

    /// <summary>Noise ceiling ρ of each neuron; NaN where r ≤ 0 or undefined.</summary>
    public IReadOnlyList<double> Ceilings { get; }

    /// <summary>
    /// Number of draws in which each neuron's r was defined (both maps non-constant over shared bins).
    /// </summary>
    public IReadOnlyList<int> DefinedDraws { get; }

    /// <summary>Number of draws made (1 for deterministic schemes).</summary>
    public int DrawCount { get; }

    /// <summary>Number of neurons with a defined ceiling.</summary>
    public int DefinedCount => Ceilings.Count(double.IsFinite);

    /// <summary>Median ceiling over neurons with a defined ceiling; NaN when none has one.</summary>
    public double MedianCeiling()
    {
        var defined = Ceilings.Where(double.IsFinite).ToArray();
        return defined.Length == 0 ? double.NaN : MathNet.Numerics.Statistics.ArrayStatistics.MedianInplace(defined);
    }
}
