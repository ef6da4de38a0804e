using Microsoft.Extensions.Logging;

namespace NeuralPredictivity.Regression;

/// <summary>Every log message of the regression engine, declared once.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information,
        Message = "cross-validating {Method} on {BinCount} bins × {FeatureCount} features × {NeuronCount} neurons, "
            + "{FoldCount} folds ({Scheme})")]
    public static partial void EvaluationStarted(
        ILogger logger, string method, int binCount, int featureCount, int neuronCount, int foldCount, string scheme);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug,
        Message = "fold {Fold}: {TrainCount} training bins, {TestCount} test bins, median r {MedianR:F4} "
            + "in {Seconds:F3} s")]
    public static partial void FoldFinished(
        ILogger logger, int fold, int trainCount, int testCount, double medianR, double seconds);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information,
        Message = "{Method}: median over neurons of the fold-mean held-out r is {MedianR:F4} "
            + "({DefinedCount} of {NeuronCount} neurons defined), {Seconds:F2} s")]
    public static partial void EvaluationFinished(
        ILogger logger, string method, double medianR, int definedCount, int neuronCount, double seconds);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning,
        Message = "{Count} fold × neuron scores are undefined ({ConstantResponse} constant responses, "
            + "{ConstantPrediction} constant predictions, {TooFew} folds with < 2 test bins); they are NaN and "
            + "left out of the per-neuron means")]
    public static partial void UndefinedScores(
        ILogger logger, int count, int constantResponse, int constantPrediction, int tooFew);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning,
        Message = "{NeuronCount} of {TotalCount} neurons chose {Kind} at the edge of the grid [{Lowest}, {Highest}] "
            + "in at least one fold: {Neurons}; the best value may lie outside the grid, so {Advice}")]
    public static partial void ChoiceAtGridEdge(
        ILogger logger, int neuronCount, int totalCount, string kind, double lowest, double highest, string neurons,
        string advice);

    [LoggerMessage(EventId = 4006,
        Message = "PLS stopped after {Components} of {Requested} components on {BinCount} training bins ({Context}): "
            + "{Reason}; predictions equal the {Components}-component model")]
    public static partial void PlsStoppedEarly(
        ILogger logger, LogLevel level, int components, int requested, long binCount, string context, string reason);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Debug,
        Message = "fold {Fold}: {Solver} of {BinCount} × {FeatureCount} training features, rank {Rank}; "
            + "{ConstantFeatures} constant features and {ConstantNeurons} constant neurons carry no weight")]
    public static partial void RidgeDecomposed(
        ILogger logger, int fold, string solver, long binCount, long featureCount, long rank,
        int constantFeatures, int constantNeurons);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Debug,
        Message = "TorchSharp was set to {Threads} threads on {Cores} cores; using {Cores}")]
    public static partial void ThreadsClamped(ILogger logger, int threads, int cores);
}
