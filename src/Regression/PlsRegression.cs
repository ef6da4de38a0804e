using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace NeuralPredictivity.Regression;

/// <summary>Partial least squares regression (PLS2) matching scikit-learn's <c>PLSRegression</c>.</summary>
/// <remarks>
/// Per fold, X (bins × features) and Y (bins × neurons) are centred, and with
/// <see cref="PlsOptions.Scale"/> divided by their standard deviation (n − 1), on the training bins;
/// K latent components are extracted with NIPALS semantics and regression deflation, each weight
/// vector computed exactly as the dominant singular vector of the current cross-covariance rather
/// than by power iteration (<see cref="PlsModel"/> gives the equations). Predictions equal a fully
/// converged <c>PLSRegression(n_components=K, scale=…)</c>.
///
/// K may not exceed min(training bins, features): that is an error naming
/// <see cref="PlsOptions.ComponentCount"/>. When the training data support fewer components than
/// K (rank-deficient features, or residual responses uncorrelated with residual features), the fit
/// stops there with a warning and predicts with the supported count. Constant feature or neuron
/// columns are centred to exactly zero and never divided by zero: they do not change the other
/// predictions, and a constant neuron is predicted as its training constant.
/// </remarks>
public sealed class PlsRegression : IRegressionMethod
{
    private readonly double[]? _candidates;

    /// <summary>Creates the method; null options mean the defaults (25 components, scaled).</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public PlsRegression(PlsOptions? options = null)
    {
        Options = options ?? new PlsOptions();
        Options.Validate();
        _candidates = Options.ComponentCandidates?.Order().Select(k => (double)k).ToArray();
    }

    /// <summary>The validated settings.</summary>
    public PlsOptions Options { get; }

    /// <inheritdoc />
    public string Description
    {
        get
        {
            var scaling = Options.Scale ? "scaled" : "unscaled";
            if (_candidates is null)
            {
                return $"PLS, {Options.ComponentCount} components, {scaling}";
            }

            var who = Options.Selection == HyperparameterSelection.PerNeuron ? "per-neuron" : "shared";
            var grid = string.Join(", ", _candidates.Select(k => k.ToString(CultureInfo.InvariantCulture)));
            return $"PLS, {who} component count from {{{grid}}} by {Options.InnerFolds.Description} " +
                $"inner CV (MSE), {scaling}";
        }
    }

    void IRegressionMethod.Validate(BinLayout layout, IReadOnlyList<Fold> folds, int featureCount, int neuronCount)
    {
        foreach (var fold in folds)
        {
            EnsureSupported(fold.Train.Count, featureCount, $"fold {fold.Index}");
            if (_candidates is null)
            {
                continue;
            }

            foreach (var inner in Options.InnerFolds.Split(layout.Subset(fold.Train)))
            {
                EnsureSupported(inner.Train.Count, featureCount, $"inner fold {inner.Index} of fold {fold.Index}");
            }
        }
    }

    FoldFit IRegressionMethod.Fit(FoldProblem problem)
    {
        using var scope = NewDisposeScope();
        var fold = problem.Fold;
        var x = problem.Features.index_select(0, TensorMatrix.Indices(fold.Train));
        var y = problem.Responses.index_select(0, TensorMatrix.Indices(fold.Train));
        var xTest = problem.Features.index_select(0, TensorMatrix.Indices(fold.Test));
        var context = $"fold {fold.Index}";
        if (_candidates is null)
        {
            var model = FitModel(x, y, Options.ComponentCount, problem.Logger, context, LogLevel.Warning);
            var used = Enumerable.Repeat((double)model.ComponentCount, (int)y.shape[1]).ToArray();
            return new FoldFit(
                TensorMatrix.ToMatrix(model.Predict(xTest)),
                HyperparameterChoice.Fixed(HyperparameterKind.Components, Options.ComponentCount, used));
        }

        var errors = InnerErrors(x, y, problem.Layout.Subset(fold.Train), problem);
        var constant = y.eq(y[0].unsqueeze(0)).all(0).to_type(ScalarType.Float64);
        var undetermined = TensorMatrix.ToArray(constant).Select(v => v != 0).ToArray();
        var choice = HyperparameterChoice.Select(
            HyperparameterKind.Components, Options.Selection, _candidates, errors, undetermined);
        var outer = FitModel(x, y, Options.MaxComponents, problem.Logger, context, LogLevel.Warning);
        var perNeuron = choice.Values.Select(k => double.IsNaN(k) ? 1 : (int)k).ToArray();
        return new FoldFit(TensorMatrix.ToMatrix(outer.Predict(xTest, perNeuron)), choice);
    }

    /// <summary>Fits on training rows and predicts test rows, without cross-validation.</summary>
    /// <param name="trainFeatures">(n × p).</param>
    /// <param name="trainResponses">(n × q).</param>
    /// <param name="testFeatures">(m × p).</param>
    /// <param name="logger">Receives the early-stop warning.</param>
    /// <returns>(m × q) predictions and the number of components actually used.</returns>
    internal (double[,] Predictions, int ComponentCount) FitPredict(
        double[,] trainFeatures, double[,] trainResponses, double[,] testFeatures, ILogger? logger = null)
    {
        using var scope = NewDisposeScope();
        var x = TensorMatrix.FromMatrix(trainFeatures);
        var y = TensorMatrix.FromMatrix(trainResponses);
        EnsureSupported((int)x.shape[0], (int)x.shape[1], "direct fit");
        var model = FitModel(
            x, y, Options.ComponentCount, logger ?? NullLogger.Instance, "direct fit", LogLevel.Warning);
        return (TensorMatrix.ToMatrix(model.Predict(TensorMatrix.FromMatrix(testFeatures))), model.ComponentCount);
    }

    private double[,] InnerErrors(Tensor x, Tensor y, BinLayout trainLayout, FoldProblem problem)
    {
        var innerFolds = Options.InnerFolds.Split(trainLayout);
        var candidates = _candidates!;
        var total = new double[candidates.Length, y.shape[1]];
        foreach (var inner in innerFolds)
        {
            problem.CancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var trainIndex = TensorMatrix.Indices(inner.Train);
            var testIndex = TensorMatrix.Indices(inner.Test);
            var model = FitModel(
                x.index_select(0, trainIndex), y.index_select(0, trainIndex), Options.MaxComponents,
                problem.Logger, $"inner fold {inner.Index} of fold {problem.Fold.Index}", LogLevel.Debug);
            var actual = y.index_select(0, testIndex);
            var cumulative = model.PredictCumulative(x.index_select(0, testIndex));
            for (var c = 0; c < candidates.Length; c++)
            {
                var k = Math.Min((int)candidates[c], model.ComponentCount);
                var predicted = k == 0 ? model.YScaling.Centre.expand_as(actual) : cumulative[k - 1];
                var error = predicted - actual;
                var mse = TensorMatrix.ToArray(error.mul(error).mean([0L]));
                for (var j = 0; j < mse.Length; j++)
                {
                    total[c, j] += mse[j] / innerFolds.Count;
                }
            }
        }

        return total;
    }

    private PlsModel FitModel(Tensor x, Tensor y, int components, ILogger logger, string context, LogLevel level)
    {
        var model = PlsModel.Fit(x, y, components, Options.Scale);
        if (model.StopReason is not null)
        {
            Log.PlsStoppedEarly(
                logger, level, model.ComponentCount, components, x.shape[0], context, model.StopReason);
        }

        return model;
    }

    private void EnsureSupported(int binCount, int featureCount, string context)
    {
        var bound = Math.Min(binCount, featureCount);
        if (Options.MaxComponents > bound)
        {
            var option = _candidates is null ? "ComponentCount" : "ComponentCandidates";
            throw new ArgumentException(
                $"PlsOptions.{option}: {Options.MaxComponents} components exceed min(training bins = {binCount}, "
                + $"features = {featureCount}) = {bound} ({context}); PLS cannot extract more components than "
                + $"that bound. Lower {option} to at most {bound}.",
                "options");
        }
    }
}
