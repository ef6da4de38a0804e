using System.CommandLine;
using Microsoft.Extensions.Logging;
using NeuralPredictivity.Benchmark;
using NeuralPredictivity.Cli.Terminal;
using TerminalLogging = NeuralPredictivity.Cli.Terminal.CliLogging;

namespace NeuralPredictivity.Cli.Commands;

/// <summary><c>predictivity run</c>: regress one model onto one recording and write a results folder.</summary>
/// <remarks>
/// Exit codes: 0 finished; 1 the run failed (the message says why; no results folder is left);
/// 2 invalid options (every problem is listed, nothing was computed); 130 cancelled (143 after SIGTERM).
/// </remarks>
internal static class RunCommand
{
    internal const int Failed = 1;
    internal const int InvalidOptions = 2;
    internal const int Cancelled = 130;

    internal static Command Create()
    {
        var options = new RunCommandOptions();
        var command = new Command(
            "run",
            "Regress a model's feature maps onto a recording's rate maps with cross-validation, normalise by each " +
            "neuron's noise ceiling, and write neurons.csv, summary.csv/json, manifest.json and figures. With no " +
            "options: the bundled trained network on stensola2012_ben, ridge with per-neuron alpha, blocked folds.");
        options.AddTo(command, singleRun: true);
        command.SetAction((parse, cancellation) => Task.FromResult(Run(parse, options, cancellation)));
        return command;
    }

    private static int Run(ParseResult parse, RunCommandOptions options, CancellationToken cancellation)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var problems = new List<SettingsProblem>();
        var settings = options.Read(parse, problems);
        problems.AddRange(settings.Validate().Where(p => problems.All(q => q.Option != p.Option)));
        if (problems.Count > 0)
        {
            return ReportProblems(error, "run", problems);
        }

        using var loggers = TerminalLogging.Create(CommonOptions.MinimumLevel(parse));
        var logger = loggers.CreateLogger("predictivity.run");
        var level = CommonOptions.MinimumLevel(parse);
        IProgress<RunProgress>? progress = level <= LogLevel.Information
            ? new PhaseProgress<RunProgress>(error, p => p.IsLast, phaseOf: p => p.Phase)
            : null;
        try
        {
            var outcome = PredictivityRun.Execute(
                settings, loggers, progress, Environment.GetCommandLineArgs(), cancellation);
            RunCommandTable.Write(output, outcome, settings);
            return 0;
        }
        catch (InvalidSettingsException e)
        {
            return ReportProblems(error, "run", e.Problems);
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("predictivity run: cancelled; no results folder was written.");
            return Cancelled;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or ArgumentException
            or UnauthorizedAccessException or InvalidOperationException)
        {
            logger.LogError("{Message}", ErrorMessage.Of(e));
            error.WriteLine($"predictivity run: failed: {ErrorMessage.Of(e)}");
            error.WriteLine("No results folder was written. Rerun with --verbosity detailed for more detail.");
            return Failed;
        }
    }

    /// <summary>Prints every problem, one per line, and returns the invalid-options exit code.</summary>
    /// <param name="error">Standard error.</param>
    /// <param name="command">The command as typed after <c>predictivity</c>, such as <c>datasets add</c>.</param>
    /// <param name="problems">Every problem, each naming its option or argument (<c>&lt;path&gt;</c>).</param>
    /// <param name="consequence">What the refusal leaves undone, stated so nobody has to check.</param>
    internal static int ReportProblems(TextWriter error, string command, IReadOnlyList<SettingsProblem> problems,
        string consequence = "nothing was run")
    {
        var noun = problems.Count == 1 ? "problem" : "problems";
        var arguments = problems.Count(p => p.Option.StartsWith('<'));
        var what = arguments == 0 ? "options" : arguments == problems.Count ? "arguments" : "arguments and options";
        error.WriteLine($"predictivity {command}: {problems.Count} {noun} with the {what}; {consequence}:");
        foreach (var problem in problems)
        {
            error.WriteLine($"  {problem}");
        }

        error.WriteLine($"See `predictivity {command} --help`.");
        return InvalidOptions;
    }
}
