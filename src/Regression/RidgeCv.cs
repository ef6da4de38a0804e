using System.Globalization;
using Microsoft.Extensions.Logging;
using TorchSharp;
using static TorchSharp.torch;

namespace NeuralPredictivity.Regression;

/// <summary>Ridge regression whose penalty α is chosen for each neuron by inner cross-validation.</summary>
/// <remarks>
/// Per fold, for features X (bins × features) and responses Y (bins × neurons): centre X and Y on
/// the training bins (the intercept), divide X by its training standard deviation (n divisor, as
/// scikit-learn's StandardScaler; switchable), and for each neuron j minimise
/// ‖y_j − X b_j‖² + α_j ‖b_j‖². α_j is the grid value with the lowest inner-CV mean squared error
/// on the training bins only (mean over inner folds of each fold's MSE, as scikit-learn's
/// <c>GridSearchCV</c>), then the fit is redone on all training bins with each neuron's α.
/// Neurons differ in noise, and a shared α under-regularises the noisy ones.
///
/// One decomposition per fold serves every α, neuron and inner fold (<see cref="RidgeSpectrum"/>):
/// a thin SVD of the training features when bins ≥ features, an eigendecomposition of the
/// (bins × bins) kernel when features &gt; bins. Inner folds are scored by exact block deletion,
/// which refits the intercept on each inner training set but keeps the outer fold's feature
/// scale: a statistic of the features only, so α sees no held-out responses. The result equals
/// scikit-learn's <c>Ridge(alpha, fit_intercept=True)</c> fitted on the inner training bins of the
/// outer-standardised features.
///
/// Limitation: inner folds are scaled with the outer training fold's standard deviations, not
/// rescaled per inner training set (a nested scikit-learn <c>Pipeline(StandardScaler, Ridge)</c>
/// would rescale), so chosen alphas can differ slightly from that nesting. Set
/// <see cref="RidgeCvOptions.StandardiseFeatures"/> to false for identical inner and outer features.
///
/// Degenerate input: a feature constant over the training bins is centred to exactly zero and
/// never divided by zero; a neuron constant over the training bins is predicted as that constant,
/// and its α is reported NaN with <see cref="GridPosition.Undetermined"/>. A chosen α at either
/// end of the grid is flagged (<see cref="GridPosition.LowerEdge"/>, <see cref="GridPosition.UpperEdge"/>)
/// and logged as a warning.
/// </remarks>
public sealed class RidgeCv : IRegressionMethod
{
    private readonly double[] _alphas;

    /// <summary>Creates the method; null options mean the defaults.</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public RidgeCv(RidgeCvOptions? options = null)
    {
        Options = options ?? new RidgeCvOptions();
        Options.Validate();
        _alphas = Options.SortedAlphas();
    }

    /// <summary>The validated settings.</summary>
    public RidgeCvOptions Options { get; }

    /// <inheritdoc />
    public string Description
    {
        get
        {
            var scaling = Options.StandardiseFeatures ? "standardised features" : "unstandardised features";
            if (_alphas.Length == 1)
            {
                return string.Create(CultureInfo.InvariantCulture, $"ridge, fixed alpha {_alphas[0]:G6}, {scaling}");
            }

            var who = Options.Selection == HyperparameterSelection.PerNeuron ? "per-neuron" : "shared";
            var grid = string.Create(
                CultureInfo.InvariantCulture, $"{_alphas.Length} values {_alphas[0]:G3}…{_alphas[^1]:G3}");
            return $"ridge, {who} alpha from {grid} by {Options.InnerFolds.Description} inner CV (MSE), {scaling}";
        }
    }

    void IRegressionMethod.Validate(BinLayout layout, IReadOnlyList<Fold> folds, int featureCount, int neuronCount)
    {
        if (_alphas.Length == 1)
        {
            return;
        }

        foreach (var fold in folds)
        {
            // Surfaces "too few bins for the inner folds" before any fold is fitted, saying they are inner folds.
            try
            {
                _ = Options.InnerFolds.Split(layout.Subset(fold.Train));
            }
            catch (ArgumentException e)
            {
                // The inner message without its "(Parameter 'layout')", which would name a parameter twice.
                var inner = e.ParamName is null ? e.Message
                    : e.Message.Replace(new ArgumentException("", e.ParamName).Message, "", StringComparison.Ordinal);
                throw new ArgumentException(
                    $"choosing alpha needs inner folds within the {fold.Train.Count} training bins of fold " +
                    $"{fold.Index}: {inner}", nameof(folds), e);
            }
        }
    }

    FoldFit IRegressionMethod.Fit(FoldProblem problem)
    {
        using var scope = NewDisposeScope();
        var train = TensorMatrix.Indices(problem.Fold.Train);
        var test = TensorMatrix.Indices(problem.Fold.Test);
        var trainLayout = _alphas.Length > 1 ? problem.Layout.Subset(problem.Fold.Train) : null;
        return Fit(
            problem.Features.index_select(0, train),
            problem.Responses.index_select(0, train),
            problem.Features.index_select(0, test),
            trainLayout,
            problem.Logger,
            problem.Fold.Index,
            problem.CancellationToken);
    }

    /// <summary>Fits on training rows and predicts test rows (tensors stay in the caller's scope).</summary>
    /// <param name="xTrain">(n × p) training features.</param>
    /// <param name="yTrain">(n × q) training responses.</param>
    /// <param name="xTest">(m × p) test features.</param>
    /// <param name="trainLayout">Grid positions of the training rows; needed only with several α.</param>
    /// <param name="logger">Receives the decomposition summary.</param>
    /// <param name="foldIndex">Fold number for log lines.</param>
    /// <param name="cancellationToken">Checked between inner folds.</param>
    internal FoldFit Fit(
        Tensor xTrain, Tensor yTrain, Tensor xTest, BinLayout? trainLayout, ILogger logger, int foldIndex,
        CancellationToken cancellationToken)
    {
        using var scope = NewDisposeScope();
        var featureScaling = ColumnScaling.Fit(xTrain, Options.StandardiseFeatures, unbiased: false);
        var responseCentring = ColumnScaling.Fit(yTrain, scale: false, unbiased: false);
        var centredResponses = responseCentring.Apply(yTrain);
        var spectrum = RidgeSpectrum.Decompose(
            featureScaling.Apply(xTrain), featureScaling.Apply(xTest), Options.Solver);
        Log.RidgeDecomposed(
            logger, foldIndex, spectrum.UsedKernel ? "kernel eigendecomposition" : "thin SVD",
            xTrain.shape[0], xTrain.shape[1], spectrum.Rank, featureScaling.ConstantCount,
            responseCentring.ConstantCount);

        var z = spectrum.U.T.matmul(centredResponses);
        var constantNeuron = ConstantColumns(yTrain);
        HyperparameterChoice choice;
        if (_alphas.Length == 1)
        {
            choice = HyperparameterChoice.Fixed(
                HyperparameterKind.Alpha, _alphas[0], Enumerable.Repeat(_alphas[0], constantNeuron.Length).ToArray());
        }
        else
        {
            var innerFolds = Options.InnerFolds.Split(trainLayout!);
            var errors = spectrum.BlockDeletionErrors(centredResponses, z, innerFolds, _alphas, cancellationToken);
            choice = HyperparameterChoice.Select(
                HyperparameterKind.Alpha, Options.Selection, _alphas, errors, constantNeuron);
        }

        // A constant neuron has z = 0 exactly, so any α predicts its training constant.
        var alphaUsed = choice.Values.Select(a => double.IsNaN(a) ? _alphas[0] : a).ToArray();
        using var one = 1.ToScalar();
        var predictions = spectrum.PredictCentred(z, alphaUsed).add(responseCentring.Centre, one);
        return new FoldFit(TensorMatrix.ToMatrix(predictions), choice);
    }

    private static bool[] ConstantColumns(Tensor y)
    {
        using var constant = y.eq(y[0].unsqueeze(0)).all(0);
        using var asDouble = constant.to_type(ScalarType.Float64);
        return TensorMatrix.ToArray(asDouble).Select(v => v != 0).ToArray();
    }
}
