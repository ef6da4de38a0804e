using Microsoft.Extensions.Logging;

namespace NeuralPredictivity.Baselines;

/// <summary>Every log message of the Baselines project, declared once.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 600, Level = LogLevel.Debug,
        Message = "generated {Spec}: {DefinedBinCount} defined bins × {FeatureCount} features, " +
            "PR {ParticipationRatio:0.###}")]
    internal static partial void GeneratedMap(
        ILogger logger, string spec, int definedBinCount, int featureCount, double participationRatio);

    [LoggerMessage(EventId = 601, Level = LogLevel.Debug,
        Message = "matching PR {Target:0.###}: {Parameter} = {Value} gives PR {ParticipationRatio:0.###}")]
    internal static partial void MatchStep(
        ILogger logger, double target, string parameter, string value, double participationRatio);

    [LoggerMessage(EventId = 602, Level = LogLevel.Information,
        Message = "matched PR {Target:0.###} with {Spec}: PR {Achieved:0.###} ({Evaluations} maps tried)")]
    internal static partial void Matched(ILogger logger, double target, string spec, double achieved, int evaluations);

    [LoggerMessage(EventId = 603, Level = LogLevel.Warning,
        Message = "cannot match PR {Target:0.###} with {Family} by varying {Parameter} over {Low}…{High}: " +
            "PR spans {ReachableLow:0.###}…{ReachableHigh:0.###}; kept {Spec} with PR {Achieved:0.###}")]
    internal static partial void Unreachable(
        ILogger logger,
        double target,
        string family,
        string parameter,
        string low,
        string high,
        double reachableLow,
        double reachableHigh,
        string spec,
        double achieved);

    [LoggerMessage(EventId = 604, Level = LogLevel.Warning,
        Message = "matching PR {Target:0.###} by {Parameter} stopped at PR {Achieved:0.###} with {Spec}: " +
            "relative error {RelativeError:0.####} exceeds the tolerance {Tolerance:0.####} " +
            "(neighbouring values of {Parameter} step over the target)")]
    internal static partial void OutsideTolerance(
        ILogger logger,
        double target,
        string parameter,
        double achieved,
        string spec,
        double relativeError,
        double tolerance);
}
