using System.CommandLine;
using NeuralPredictivity.Benchmark;
using NeuralPredictivity.Cli.Terminal;
using TerminalLogging = NeuralPredictivity.Cli.Terminal.CliLogging;

namespace NeuralPredictivity.Cli.Commands;

/// <summary><c>predictivity sweep merge DIR</c>: aggregate whatever has finished.</summary>
/// <remarks>Exit codes: 0 every unit merged; 3 some units are not finished (they are listed; the files are
/// still written from the finished ones); 1 the folder is not a sweep folder or cannot be read.</remarks>
internal static class SweepCommandMerge
{
    internal const int Partial = 3;

    internal static Command Create()
    {
        var folder = new Argument<string>("DIR")
        {
            Description = "The sweep folder (the --out of predictivity sweep).",
        };
        var command = new Command("merge",
            "Aggregate the finished units of a sweep folder into sweep.csv and the sweep figures, and list the units " +
            "that are missing, failed or still running. Safe to run at any time.");
        command.Arguments.Add(folder);
        command.SetAction((parse, cancellation) =>
        {
            using var loggers = TerminalLogging.Create(CommonOptions.MinimumLevel(parse));
            try
            {
                var report = PredictivitySweep.Merge(parse.GetValue(folder)!, loggers, cancellation);
                Print(parse.InvocationConfiguration.Output, report);
                return Task.FromResult(report.NotFinished.Count == 0 ? 0 : Partial);
            }
            catch (OperationCanceledException)
            {
                parse.InvocationConfiguration.Error.WriteLine(
                    "predictivity sweep merge: cancelled; sweep.csv and the figures already written are complete.");
                return Task.FromResult(RunCommand.Cancelled);
            }
            catch (FileNotFoundException e) when (e.FileName?.EndsWith("sweep.json", StringComparison.Ordinal) == true)
            {
                return Task.FromResult(RunCommand.ReportProblems(parse.InvocationConfiguration.Error, "sweep merge",
                    [SweepCommandMerge.NotASweep(parse.GetValue(folder)!)], "nothing was merged"));
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"predictivity sweep merge: {e.Message}");
                return Task.FromResult(RunCommand.Failed);
            }
        });
        return command;
    }

    /// <summary>The problem of a <c>DIR</c> argument that is not a sweep folder: a usage error, exit 2.</summary>
    internal static SettingsProblem NotASweep(string folder) =>
        new("<DIR>", "a sweep folder (the --out of predictivity sweep, holding sweep.json)",
            $"{Path.GetFullPath(folder)}: not a sweep folder (no sweep.json)");

    internal static void Print(TextWriter output, MergeReport report)
    {
        output.WriteLine($"Merged {report.Finished} of {report.Total} units into {report.Files[0]}");
        foreach (var file in report.Files.Skip(1))
        {
            output.WriteLine($"  figure  {file}");
        }

        foreach (var note in report.Notes)
        {
            output.WriteLine($"  {note}");
        }

        foreach (var status in report.NotFinished)
        {
            var detail = status.Detail.Length > 0 ? $": {status.Detail}" : "";
            output.WriteLine($"  {SweepCommandStatus.Label(status.State),-11} {status.Unit.Id}{detail}");
        }
    }
}
