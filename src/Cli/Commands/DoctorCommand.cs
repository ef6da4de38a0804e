using System.CommandLine;
using NeuralPredictivity.Cli.Diagnostics;

namespace NeuralPredictivity.Cli.Commands;

/// <summary><c>predictivity doctor</c>: reports whether each dependency works here.</summary>
internal static class DoctorCommand
{
    internal static Command Create()
    {
        var command = new Command(
            "doctor",
            "Check the .NET runtime, TorchSharp's native libraries, BLAS speed, HDF5 reading and plotting; " +
            "exit non-zero when something the main job needs is broken.");
        command.SetAction(parse => Run(parse.InvocationConfiguration.Output));
        return command;
    }

    private static int Run(TextWriter output)
    {
        var checks = EnvironmentDoctor.RunAll(AppContext.BaseDirectory);
        var width = checks.Max(c => c.Name.Length);
        foreach (var check in checks)
        {
            var status = check.Ok ? "OK  " : (check.RequiredByMainJob ? "FAIL" : "WARN");
            output.WriteLine($"{status}  {check.Name.PadRight(width)}  {check.Detail}");
        }

        var broken = checks.Count(c => !c.Ok && c.RequiredByMainJob);
        output.WriteLine(broken == 0
            ? "All checks passed."
            : $"{broken} check(s) failed; the main job cannot run until they are fixed.");
        return broken == 0 ? 0 : 1;
    }
}
