namespace NeuralPredictivity.Regression;

/// <summary>Per-neuron held-out scores: Pearson r and R², column by column.</summary>
/// <remarks>
/// Inputs are (bins × neurons) with the same shape; each column is scored on its own. A column
/// whose values are all exactly equal is constant, detected by exact equality with its first
/// value rather than by a variance threshold: the computed mean of twelve 0.3s is not exactly
/// 0.3, so a centred variance is tiny but not zero, and a threshold either misses such columns or
/// rejects genuine low-variance ones. Undefined scores are NaN with a <see cref="ScoreStatus"/>
/// saying why; summaries leave them out and count them.
/// </remarks>
public static class NeuronScores
{
    /// <summary>Pearson correlation of each predicted column with the actual column.</summary>
    /// <remarks>
    /// r = Σ(p − p̄)(a − ā) / √(Σ(p − p̄)² Σ(a − ā)²), two-pass (centred) in double precision,
    /// clipped to [−1, 1]. NaN when either column is constant or has fewer than two bins.
    /// </remarks>
    /// <param name="predicted">(bins × neurons) predictions.</param>
    /// <param name="actual">(bins × neurons) held-out responses.</param>
    public static double[] Pearson(double[,] predicted, double[,] actual) => Pearson(predicted, actual, out _);

    /// <summary>Pearson r per neuron, with the reason for each undefined value.</summary>
    /// <param name="predicted">(bins × neurons) predictions.</param>
    /// <param name="actual">(bins × neurons) held-out responses.</param>
    /// <param name="status">Per neuron: defined, or why r is NaN.</param>
    public static double[] Pearson(double[,] predicted, double[,] actual, out ScoreStatus[] status)
    {
        EnsureSameShape(predicted, actual);
        var (bins, neurons) = (actual.GetLength(0), actual.GetLength(1));
        var r = new double[neurons];
        status = new ScoreStatus[neurons];
        for (var j = 0; j < neurons; j++)
        {
            status[j] = Classify(predicted, actual, j);
            if (status[j] != ScoreStatus.Defined)
            {
                r[j] = double.NaN;
                continue;
            }

            var (meanP, meanA) = (ColumnMean(predicted, j), ColumnMean(actual, j));
            double cross = 0, sumPp = 0, sumAa = 0;
            for (var i = 0; i < bins; i++)
            {
                var (dp, da) = (predicted[i, j] - meanP, actual[i, j] - meanA);
                cross += dp * da;
                sumPp += dp * dp;
                sumAa += da * da;
            }

            r[j] = Math.Clamp(cross / Math.Sqrt(sumPp * sumAa), -1.0, 1.0);
        }

        return r;
    }

    /// <summary>Coefficient of determination of each column, about the held-out mean.</summary>
    /// <remarks>
    /// R² = 1 − Σ(a − p)² / Σ(a − ā)² (scikit-learn's <c>r2_score</c> per output). It can be
    /// negative: predictions worse than the test-bin mean. NaN when the actual column is constant
    /// or has fewer than two bins (the denominator is zero).
    /// </remarks>
    /// <param name="predicted">(bins × neurons) predictions.</param>
    /// <param name="actual">(bins × neurons) held-out responses.</param>
    public static double[] RSquared(double[,] predicted, double[,] actual)
    {
        EnsureSameShape(predicted, actual);
        var (bins, neurons) = (actual.GetLength(0), actual.GetLength(1));
        var r2 = new double[neurons];
        for (var j = 0; j < neurons; j++)
        {
            if (bins < 2 || IsConstantColumn(actual, j))
            {
                r2[j] = double.NaN;
                continue;
            }

            var meanA = ColumnMean(actual, j);
            double residual = 0, total = 0;
            for (var i = 0; i < bins; i++)
            {
                var (e, d) = (actual[i, j] - predicted[i, j], actual[i, j] - meanA);
                residual += e * e;
                total += d * d;
            }

            r2[j] = 1 - residual / total;
        }

        return r2;
    }

    /// <summary>True when every value of column <paramref name="column"/> equals its first value exactly.</summary>
    public static bool IsConstantColumn(double[,] matrix, int column)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.GetLength(0) == 0)
        {
            return true;
        }

        var first = matrix[0, column];
        for (var i = 1; i < matrix.GetLength(0); i++)
        {
            if (matrix[i, column] != first)
            {
                return false;
            }
        }

        return true;
    }

    private static ScoreStatus Classify(double[,] predicted, double[,] actual, int j)
    {
        if (actual.GetLength(0) < 2)
        {
            return ScoreStatus.TooFewBins;
        }

        if (IsConstantColumn(actual, j))
        {
            return ScoreStatus.ConstantResponse;
        }

        return IsConstantColumn(predicted, j) ? ScoreStatus.ConstantPrediction : ScoreStatus.Defined;
    }

    private static double ColumnMean(double[,] matrix, int column)
    {
        var sum = 0.0;
        var rows = matrix.GetLength(0);
        for (var i = 0; i < rows; i++)
        {
            sum += matrix[i, column];
        }

        return sum / rows;
    }

    private static void EnsureSameShape(double[,] predicted, double[,] actual)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(actual);
        if (predicted.GetLength(0) != actual.GetLength(0) || predicted.GetLength(1) != actual.GetLength(1))
        {
            throw new ArgumentException(
                $"predicted is {predicted.GetLength(0)} × {predicted.GetLength(1)} but actual is "
                + $"{actual.GetLength(0)} × {actual.GetLength(1)}; both must be (bins × neurons).",
                nameof(predicted));
        }
    }
}
