using System.CommandLine;
using NeuralPredictivity.Benchmark;

namespace NeuralPredictivity.Cli.Commands;

/// <summary><c>predictivity sweep status DIR</c>: which units are finished, failed, running or missing.</summary>
/// <remarks>Exit codes: 0 every unit finished; 3 some are not; 1 the folder is not a sweep folder.</remarks>
internal static class SweepCommandStatus
{
    internal static Command Create()
    {
        var folder = new Argument<string>("DIR")
        {
            Description = "The sweep folder (the --out of predictivity sweep).",
        };
        var all = new Option<bool>("--all") { Description = "List finished units too, not only the others." };
        var command = new Command("status",
            "List the units of a sweep folder: finished, failed (with the error), in progress (a work folder exists, " +
            "from a running or killed process) and missing.");
        command.Arguments.Add(folder);
        command.Options.Add(all);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            try
            {
                if (SlurmSweepStatusView.TryPrint(output, parse.GetValue(folder)!, parse.GetValue(all)) is { } code)
                {
                    return code;
                }

                var statuses = PredictivitySweep.Status(parse.GetValue(folder)!);
                var counts = Enum.GetValues<UnitState>().Select(s => $"{statuses.Count(u => u.State == s)} {Label(s)}");
                output.WriteLine($"{statuses.Count} units: {string.Join(", ", counts)}");
                foreach (var status in statuses.Where(s => parse.GetValue(all) || s.State != UnitState.Finished))
                {
                    var detail = status.Detail.Length > 0 ? $": {status.Detail}" : "";
                    output.WriteLine($"  {Label(status.State),-11} {status.Unit.Id}{detail}");
                }

                return statuses.All(s => s.State == UnitState.Finished) ? 0 : SweepCommandMerge.Partial;
            }
            catch (FileNotFoundException e) when (e.FileName?.EndsWith("sweep.json", StringComparison.Ordinal) == true)
            {
                return RunCommand.ReportProblems(parse.InvocationConfiguration.Error, "sweep status",
                    [SweepCommandMerge.NotASweep(parse.GetValue(folder)!)], "no status to show");
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"predictivity sweep status: {e.Message}");
                return RunCommand.Failed;
            }
        });
        return command;
    }

    internal static string Label(UnitState state) => state switch
    {
        UnitState.Finished => "finished",
        UnitState.Failed => "failed",
        UnitState.InProgress => "in progress",
        _ => "missing",
    };
}
