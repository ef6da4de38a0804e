using System.Globalization;

namespace NeuralPredictivity.Regression;

/// <summary>Settings of <see cref="RidgeCv"/>, validated as a whole.</summary>
/// <remarks>
/// The default grid is 17 values log-spaced over 1e-3 … 1e7, 10^(−3 + 10k/16) for k = 0 … 16
/// (NumPy's <c>logspace(-3, 7, 17)</c>): ten decades at a ratio of about 4.2, wide enough that
/// well-tuned neurons rarely sit on an edge with standardised features, fine enough that the
/// error curve is resolved. More values cost little: the decomposition is shared by every α, only
/// the small per-α solves repeat. <see cref="FixedAlpha"/> gives the replication setting of
/// Nayebi et al. (2021): α = 1 on unstandardised features, no inner search.
/// </remarks>
public sealed record RidgeCvOptions
{
    /// <summary>17 values, 10^(−3 + 10k/16), k = 0 … 16.</summary>
    public static IReadOnlyList<double> DefaultAlphas { get; } =
        Enumerable.Range(0, 17).Select(k => Math.Pow(10, -3 + 10.0 * k / 16)).ToArray();

    /// <summary>Candidate penalties α; each &gt; 0 and finite, no repeats (sorted ascending internally).</summary>
    public IReadOnlyList<double> Alphas { get; init; } = DefaultAlphas;

    /// <summary>Inner folds over each fold's training bins that choose α (ignored with one α).</summary>
    /// <remarks>
    /// Any scheme works, including spatially blocked ones: it is applied to the training bins'
    /// own layout. Each inner fit uses the training bins outside the inner test set (and its
    /// buffer); the intercept is refitted per inner fold, the feature scale is the outer
    /// fold's (see <see cref="RidgeCv"/>).
    /// </remarks>
    public IFoldScheme InnerFolds { get; init; } = new RandomKFold(5, seed: 0);

    /// <summary>Divide each feature by its standard deviation over the training bins (n divisor).</summary>
    public bool StandardiseFeatures { get; init; } = true;

    /// <summary>Per-neuron α (default) or one α for all neurons.</summary>
    public HyperparameterSelection Selection { get; init; } = HyperparameterSelection.PerNeuron;

    /// <summary>Decomposition used per fold; <see cref="RidgeSolver.Auto"/> picks the cheaper.</summary>
    internal RidgeSolver Solver { get; init; } = RidgeSolver.Auto;

    /// <summary>One α for every neuron with no search, on unstandardised features (α = 1: Nayebi et al.).</summary>
    /// <param name="alpha">The penalty, &gt; 0.</param>
    public static RidgeCvOptions FixedAlpha(double alpha = 1.0) =>
        new() { Alphas = [alpha], StandardiseFeatures = false };

    /// <summary>All problems with these settings, empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Alphas is null || Alphas.Count == 0)
        {
            problems.Add("Alphas: give at least one penalty.");
        }
        else
        {
            foreach (var alpha in Alphas.Where(a => !(a > 0) || double.IsInfinity(a)))
            {
                problems.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Alphas: every value must be > 0 and finite, got {alpha} " +
                    $"(alpha 0 is unpenalised least squares)."));
            }

            if (Alphas.Distinct().Count() != Alphas.Count)
            {
                problems.Add("Alphas: values repeat; give each penalty once.");
            }
        }

        if (Alphas is { Count: > 1 } && InnerFolds is null)
        {
            problems.Add("InnerFolds: choosing among several alphas needs an inner fold scheme.");
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
            throw new ArgumentException("Invalid ridge settings: " + string.Join(" ", problems), "options");
        }
    }

    internal double[] SortedAlphas() => Alphas.Order().ToArray();
}
