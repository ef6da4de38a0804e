using System.Diagnostics;

namespace NeuralPredictivity.Benchmark.Tests.Cluster;

/// <summary>Runs the built <c>predictivity</c> command as a child process, as a user at a shell would.</summary>
internal static class PredictivityProcess
{
    /// <summary>The CLI assembly, copied into this test project's output by its project reference.</summary>
    internal static string Assembly => Path.Combine(AppContext.BaseDirectory, "predictivity.dll");

    internal static (int ExitCode, string Output, string Error) Run(
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment,
        string workingDirectory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"predictivity {string.Join(' ', arguments)} did not finish in 3 minutes.");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
