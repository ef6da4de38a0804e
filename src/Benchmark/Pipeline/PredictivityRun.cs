using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace NeuralPredictivity.Benchmark;

/// <summary>Entry point of <c>predictivity run</c>: one model regressed onto one recording.</summary>
public static class PredictivityRun
{
    /// <summary>Runs the whole path and writes the results folder atomically; replaces an earlier result there.</summary>
    /// <exception cref="InvalidSettingsException">A setting is invalid; thrown before any work, listing every problem.</exception>
    public static RunOutcome Execute(RunSettings settings, ILoggerFactory? loggers = null,
        IProgress<RunProgress>? progress = null, IReadOnlyList<string>? commandLine = null,
        CancellationToken cancellationToken = default) =>
        Execute(settings, loggers, progress, commandLine ?? [], replaceExisting: true, cancellationToken);

    internal static RunOutcome Execute(RunSettings settings, ILoggerFactory? loggers, IProgress<RunProgress>? progress,
        IReadOnlyList<string> commandLine, bool replaceExisting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.EnsureValid();
        _ = (loggers ?? NullLoggerFactory.Instance, progress, commandLine, replaceExisting, cancellationToken);
        throw new NotSupportedException("The run pipeline is being wired to the Datasets project.");
    }
}
