namespace NeuralPredictivity.Regression;

/// <summary>The hyper-parameter each neuron used in one fold, and how it was chosen.</summary>
/// <remarks>
/// <see cref="Values"/>[j] is neuron j's α (ridge) or component count (PLS); NaN when
/// <see cref="Positions"/>[j] is <see cref="GridPosition.Undetermined"/>. <see cref="ValidationError"/>
/// is the inner cross-validation error, (candidates × neurons): for each candidate the mean over
/// inner folds of each fold's mean squared error on its held-out bins (scikit-learn's
/// <c>GridSearchCV</c> averaging). The chosen candidate minimises it; ties go to the first
/// candidate in ascending order.
/// </remarks>
public sealed class HyperparameterChoice
{
    internal HyperparameterChoice(
        HyperparameterKind kind,
        HyperparameterSelection selection,
        double[] candidates,
        double[] values,
        GridPosition[] positions,
        double[,]? validationError)
    {
        Kind = kind;
        Selection = selection;
        Candidates = candidates;
        Values = values;
        Positions = positions;
        ValidationError = validationError;
    }

    /// <summary>α or component count.</summary>
    public HyperparameterKind Kind { get; }

    /// <summary>Per neuron or shared.</summary>
    public HyperparameterSelection Selection { get; }

    /// <summary>The grid searched, ascending.</summary>
    public IReadOnlyList<double> Candidates { get; }

    /// <summary>Per neuron: the value used.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>Per neuron: where the value lies in the grid (edge flags).</summary>
    public IReadOnlyList<GridPosition> Positions { get; }

    /// <summary>(candidates × neurons) inner-CV mean squared error; null when nothing was chosen.</summary>
    public double[,]? ValidationError { get; }

    /// <summary>Neurons whose value lies at the lower or upper edge of the grid.</summary>
    public IEnumerable<int> NeuronsAtGridEdge =>
        Enumerable.Range(0, Positions.Count)
            .Where(j => Positions[j] is GridPosition.LowerEdge or GridPosition.UpperEdge);

    /// <summary>Chooses per neuron (or shared) the candidate with the lowest error.</summary>
    /// <param name="kind">α or component count.</param>
    /// <param name="selection">Per neuron or shared.</param>
    /// <param name="candidates">The grid, ascending.</param>
    /// <param name="errors">(candidates × neurons) inner-CV errors.</param>
    /// <param name="undetermined">Neurons constant in training: every candidate is equivalent.</param>
    internal static HyperparameterChoice Select(
        HyperparameterKind kind,
        HyperparameterSelection selection,
        double[] candidates,
        double[,] errors,
        bool[] undetermined)
    {
        var (candidateCount, neuronCount) = (errors.GetLength(0), errors.GetLength(1));
        var values = new double[neuronCount];
        var positions = new GridPosition[neuronCount];
        var shared = selection == HyperparameterSelection.Shared ? SharedBest(errors, undetermined) : -1;
        for (var j = 0; j < neuronCount; j++)
        {
            if (undetermined[j])
            {
                values[j] = double.NaN;
                positions[j] = GridPosition.Undetermined;
                continue;
            }

            var best = shared;
            if (best < 0)
            {
                best = 0;
                for (var a = 1; a < candidateCount; a++)
                {
                    if (errors[a, j] < errors[best, j])
                    {
                        best = a;
                    }
                }
            }

            values[j] = candidates[best];
            positions[j] = best == 0 ? GridPosition.LowerEdge
                : best == candidateCount - 1 ? GridPosition.UpperEdge
                : GridPosition.Interior;
        }

        return new HyperparameterChoice(kind, selection, candidates, values, positions, errors);
    }

    /// <summary>One value for every neuron, nothing chosen.</summary>
    internal static HyperparameterChoice Fixed(HyperparameterKind kind, double value, double[] perNeuron)
    {
        return new HyperparameterChoice(
            kind,
            HyperparameterSelection.Shared,
            [value],
            perNeuron,
            Enumerable.Repeat(GridPosition.Fixed, perNeuron.Length).ToArray(),
            null);
    }

    private static int SharedBest(double[,] errors, bool[] undetermined)
    {
        var best = -1;
        var bestMean = double.PositiveInfinity;
        for (var a = 0; a < errors.GetLength(0); a++)
        {
            double sum = 0;
            var count = 0;
            for (var j = 0; j < errors.GetLength(1); j++)
            {
                if (!undetermined[j])
                {
                    sum += errors[a, j];
                    count++;
                }
            }

            var mean = count == 0 ? 0 : sum / count;
            if (mean < bestMean)
            {
                (best, bestMean) = (a, mean);
            }
        }

        return best;
    }
}
