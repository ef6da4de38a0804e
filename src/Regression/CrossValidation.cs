using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace NeuralPredictivity.Regression;

/// <summary>Cross-validated evaluation of a regression from features to neuron responses.</summary>
/// <remarks>
/// For each fold of the scheme, the method is fitted on the training bins only (centring, scaling
/// and hyper-parameter choice included) and predicts the test bins; each neuron is scored by
/// held-out Pearson r and R². Test bins stay unseen until scoring: fitting on them would inflate
/// the score.
/// </remarks>
public static class CrossValidation
{
    /// <summary>Checks, without fitting anything, that <paramref name="method"/> can be cross-validated on the bins
    /// of <paramref name="layout"/> split by <paramref name="folds"/>: the checks <see cref="Evaluate"/> makes
    /// before its first fold (enough bins or blocks for the folds, enough training bins for inner folds and
    /// components).</summary>
    /// <remarks>Callers that know the bins before the features (a run knows the visited bins from occupancy alone)
    /// can refuse settings that leave too few bins before the expensive work.</remarks>
    /// <param name="layout">Grid position of each bin that will be regressed.</param>
    /// <param name="folds">How bins will be split into training and test sets.</param>
    /// <param name="method">The method that will be fitted.</param>
    /// <param name="featureCount">Features the method will see; a lower bound gives the most lenient check.
    /// </param>
    /// <param name="neuronCount">Neuron columns of the responses.</param>
    /// <exception cref="ArgumentException">The scheme cannot split the layout, or the method cannot fit one of
    /// its folds.</exception>
    public static void EnsureFeasible(
        BinLayout layout, IFoldScheme folds, IRegressionMethod method, int featureCount, int neuronCount)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(folds);
        ArgumentNullException.ThrowIfNull(method);
        _ = Feasible(layout, folds, method, featureCount, neuronCount);
    }

    private static IReadOnlyList<Fold> Feasible(
        BinLayout layout, IFoldScheme folds, IRegressionMethod method, int featureCount, int neuronCount)
    {
        var foldList = folds.Split(layout);
        foreach (var fold in foldList)
        {
            fold.EnsureWithin(layout.BinCount, nameof(folds));
        }

        method.Validate(layout, foldList, featureCount, neuronCount);
        return foldList;
    }

    /// <summary>Fits and scores <paramref name="method"/> on every fold of <paramref name="folds"/>.</summary>
    /// <param name="features">(bins × features), finite: apply the joint finite mask first.</param>
    /// <param name="responses">(bins × neurons), finite, same bins in the same order.</param>
    /// <param name="layout">Grid position of each bin (row i of both matrices is sample i).</param>
    /// <param name="folds">How bins are split into training and test sets.</param>
    /// <param name="method"><see cref="RidgeCv"/> or <see cref="PlsRegression"/>.</param>
    /// <param name="progress">Told after each fold, one report at a time with the completed count rising by one,
    /// on the thread that finished the fold.</param>
    /// <param name="logger">Phase lines (Information), per-fold detail (Debug), grid-edge and early-stop
    /// warnings.</param>
    /// <param name="cancellationToken">Checked between folds and inner folds.</param>
    /// <param name="labels">Neuron ids and grid advice used in warnings; null names neurons by column index.
    /// </param>
    /// <exception cref="ArgumentException">Shapes disagree, a value is not finite, or the method cannot
    /// fit a fold.</exception>
    public static CrossValidationResult Evaluate(
        double[,] features,
        double[,] responses,
        BinLayout layout,
        IFoldScheme folds,
        IRegressionMethod method,
        IProgress<CrossValidationProgress>? progress = null,
        ILogger? logger = null,
        CancellationToken cancellationToken = default,
        CrossValidationLabels? labels = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(folds);
        ArgumentNullException.ThrowIfNull(method);
        EnsureMatrix(features, layout.BinCount, nameof(features));
        EnsureMatrix(responses, layout.BinCount, nameof(responses));
        logger ??= NullLogger.Instance;
        var (featureCount, neuronCount) = (features.GetLength(1), responses.GetLength(1));
        if (labels?.NeuronIds is { } ids && ids.Count != neuronCount)
        {
            throw new ArgumentException(
                $"labels.NeuronIds holds {ids.Count} ids but responses has {neuronCount} neuron columns; give one id " +
                "per column, in column order.", nameof(labels));
        }

        var foldList = Feasible(layout, folds, method, featureCount, neuronCount);
        LimitThreads(logger);
        Log.EvaluationStarted(
            logger, method.Description, layout.BinCount, featureCount, neuronCount, foldList.Count, folds.Description);

        var clock = Stopwatch.StartNew();
        var results = new FoldResult[foldList.Count];
        var completed = 0;
        var progressGate = new Lock();
        using (var scope = NewDisposeScope())
        {
            var x = TensorMatrix.FromMatrix(features);
            var y = TensorMatrix.FromMatrix(responses);
            void RunFold(int f)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var fold = foldList[f];
                var foldClock = Stopwatch.StartNew();
                FoldFit fit;
                using (NewDisposeScope())
                {
                    fit = method.Fit(new FoldProblem(x, y, fold, layout, logger, cancellationToken));
                }

                var actual = Rows(responses, fold.TestArray);
                var pearson = NeuronScores.Pearson(fit.Predictions, actual, out var status);
                var rSquared = NeuronScores.RSquared(fit.Predictions, actual);
                results[f] = new FoldResult(fold, fit.Predictions, pearson, rSquared, status, fit.Hyperparameters);
                Log.FoldFinished(
                    logger, fold.Index, fold.Train.Count, fold.Test.Count,
                    PredictivitySummary.MedianOf(pearson.Where(r => !double.IsNaN(r)).ToArray()),
                    foldClock.Elapsed.TotalSeconds);
                // Folds finish on several threads; one report at a time keeps the counts in order and spares
                // the receiver from locking.
                lock (progressGate)
                {
                    completed++;
                    progress?.Report(new CrossValidationProgress(completed, foldList.Count, method.Description));
                }
            }

            var workers = Math.Min(foldList.Count, torch.get_num_threads());
            if (workers <= 1 || !FoldParallelism)
            {
                for (var f = 0; f < foldList.Count; f++)
                {
                    RunFold(f);
                }
            }
            else
            {
                RunFoldsInParallel(foldList.Count, workers, RunFold, cancellationToken);
            }
        }

        var result = new CrossValidationResult(
            method.Description, folds.Description, layout.BinCount, featureCount, neuronCount, results);
        Report(result, logger, labels ?? new CrossValidationLabels(), clock.Elapsed.TotalSeconds);
        return result;
    }

    /// <summary>Run folds concurrently, one single-threaded fold per core (on by default).</summary>
    /// <remarks>
    /// Folds are independent, so w workers (w = TorchSharp's thread count, at most the number of
    /// folds) each fit one fold with single-threaded tensor operations. This scales the whole fold,
    /// eigendecomposition included, instead of only the large products, and avoids the
    /// thread-barrier stalls that make multi-threaded operations many times slower on a busy
    /// machine. Each fold's arithmetic is the same whichever worker runs it, so results do not
    /// depend on scheduling.
    /// </remarks>
    internal static bool FoldParallelism { get; set; } = true;

    // TorchSharp's thread count is per OS thread (OpenMP and MKL thread-local settings): each
    // worker sets 1 for its folds and restores the previous count before it returns to the pool.
    private static void RunFoldsInParallel(int foldCount, int workers, Action<int> runFold, CancellationToken token)
    {
        var previous = torch.get_num_threads();
        var options = new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = token };
        try
        {
            Parallel.For(0, foldCount, options, f =>
            {
                torch.set_num_threads(1);
                try
                {
                    runFold(f);
                }
                finally
                {
                    torch.set_num_threads(previous);
                }
            });
        }
        catch (AggregateException error) when (error.InnerExceptions.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error.InnerExceptions[0]).Throw();
        }
    }

    /// <summary>Rows of a managed matrix, in the given order.</summary>
    internal static double[,] Rows(double[,] matrix, int[] rows)
    {
        var columns = matrix.GetLength(1);
        var result = new double[rows.Length, columns];
        for (var i = 0; i < rows.Length; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                result[i, j] = matrix[rows[i], j];
            }
        }

        return result;
    }

    /// <summary>Never more compute threads than cores: oversubscription slows dense algebra many-fold.</summary>
    internal static void LimitThreads(ILogger logger)
    {
        var (threads, cores) = (torch.get_num_threads(), Environment.ProcessorCount);
        if (threads > cores)
        {
            torch.set_num_threads(cores);
            Log.ThreadsClamped(logger, threads, cores);
        }
    }

    private const string JointMaskAdvice =
        "keep only bins finite in every neuron and feature map (the joint mask).";

    private static void EnsureMatrix(double[,] matrix, int binCount, string name)
    {
        ArgumentNullException.ThrowIfNull(matrix, name);
        if (matrix.GetLength(0) != binCount)
        {
            throw new ArgumentException(
                $"{name} has {matrix.GetLength(0)} rows but the layout has {binCount} bins; rows must be the "
                + "layout's bins, in order.", name);
        }

        if (matrix.GetLength(1) == 0)
        {
            throw new ArgumentException($"{name} has no columns.", name);
        }

        for (var i = 0; i < matrix.GetLength(0); i++)
        {
            for (var j = 0; j < matrix.GetLength(1); j++)
            {
                if (!double.IsFinite(matrix[i, j]))
                {
                    throw new ArgumentException(
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"{name}[{i}, {j}] is {matrix[i, j]}: regression needs finite values; {JointMaskAdvice}"),
                        name);
                }
            }
        }
    }

    private static void Report(CrossValidationResult result, ILogger logger, CrossValidationLabels labels,
        double seconds)
    {
        var statuses = result.Folds.SelectMany(f => f.Status).ToArray();
        var undefined = statuses.Count(s => s != ScoreStatus.Defined);
        if (undefined > 0)
        {
            Log.UndefinedScores(
                logger, undefined,
                statuses.Count(s => s == ScoreStatus.ConstantResponse),
                statuses.Count(s => s == ScoreStatus.ConstantPrediction),
                statuses.Count(s => s == ScoreStatus.TooFewBins));
        }

        var atEdge = result.Folds.SelectMany(f => f.Hyperparameters.NeuronsAtGridEdge).Distinct().Order().ToArray();
        if (atEdge.Length > 0)
        {
            // A long list buries the advice; the rest are in the per-fold results.
            var first = result.Folds[0].Hyperparameters;
            var listed = string.Join(", ", atEdge.Take(EdgeNeuronsListed).Select(j => EdgeLabel(result, labels, j)));
            var more = atEdge.Length - EdgeNeuronsListed;
            Log.ChoiceAtGridEdge(
                logger, atEdge.Length, result.NeuronCount,
                first.Kind == HyperparameterKind.Alpha ? "an alpha" : "a component count",
                first.Candidates[0], first.Candidates[^1],
                more > 0 ? string.Create(CultureInfo.InvariantCulture, $"{listed}, … ({more} more)") : listed,
                labels.GridAdvice ?? CrossValidationLabels.DefaultGridAdvice);
        }

        var meanR = result.MeanPearson.Where(r => !double.IsNaN(r)).ToArray();
        Log.EvaluationFinished(
            logger, result.Method, PredictivitySummary.MedianOf(meanR), meanR.Length, result.NeuronCount, seconds);
    }

    private const int EdgeNeuronsListed = 8;

    private static string EdgeLabel(CrossValidationResult result, CrossValidationLabels labels, int neuron)
    {
        var values = result.Folds
            .Where(f => f.Hyperparameters.Positions[neuron] is GridPosition.LowerEdge or GridPosition.UpperEdge)
            .Select(f => f.Hyperparameters.Values[neuron])
            .ToArray();
        var chosen = string.Join("/", values.Distinct().Select(v => v.ToString("G3", CultureInfo.InvariantCulture)));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"neuron {labels.NeuronName(neuron)} ({chosen} in {values.Length} of {result.Folds.Count} folds)");
    }
}
