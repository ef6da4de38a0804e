namespace NeuralPredictivity.Regression;

/// <summary>Settings of <see cref="PlsRegression"/>, validated as a whole.</summary>
/// <remarks>
/// The default of 25 components is Brain-Score's. <see cref="ComponentCandidates"/> switches on the
/// choice of the component count by inner cross-validation on the training bins (per neuron by
/// default: neuron j is predicted by the k_j-component PLS2 model, which differs from the
/// k-component model only in how many components enter its prediction).
/// </remarks>
public sealed record PlsOptions
{
    /// <summary>Number of latent components, at least 1 and at most min(training bins, features).</summary>
    public int ComponentCount { get; init; } = 25;

    /// <summary>Standardise features and responses on the training bins (n − 1 divisor), as
    /// scikit-learn's <c>scale=True</c>.</summary>
    public bool Scale { get; init; } = true;

    /// <summary>Component counts to choose among by inner CV; null (default) uses
    /// <see cref="ComponentCount"/>.</summary>
    public IReadOnlyList<int>? ComponentCandidates { get; init; }

    /// <summary>Inner folds over each fold's training bins (used with <see cref="ComponentCandidates"/>).</summary>
    public IFoldScheme InnerFolds { get; init; } = new RandomKFold(5, seed: 0);

    /// <summary>Per-neuron (default) or shared component count when choosing by inner CV.</summary>
    public HyperparameterSelection Selection { get; init; } = HyperparameterSelection.PerNeuron;

    /// <summary>All problems with these settings, empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (ComponentCount < 1)
        {
            problems.Add($"ComponentCount: must be at least 1, got {ComponentCount}.");
        }

        if (ComponentCandidates is not null)
        {
            if (ComponentCandidates.Count == 0)
            {
                problems.Add("ComponentCandidates: give at least one count, or null to use ComponentCount.");
            }

            foreach (var k in ComponentCandidates.Where(k => k < 1))
            {
                problems.Add($"ComponentCandidates: every count must be at least 1, got {k}.");
            }

            if (ComponentCandidates.Distinct().Count() != ComponentCandidates.Count)
            {
                problems.Add("ComponentCandidates: counts repeat; give each once.");
            }

            if (InnerFolds is null)
            {
                problems.Add("InnerFolds: choosing the component count needs an inner fold scheme.");
            }
        }

        if (!Enum.IsDefined(Selection))
        {
            problems.Add($"Selection: unknown value {Selection}.");
        }

        return problems;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem at once.</summary>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid PLS settings: " + string.Join(" ", problems), "options");
        }
    }

    /// <summary>The largest count a fit must provide.</summary>
    internal int MaxComponents => ComponentCandidates?.Max() ?? ComponentCount;
}
