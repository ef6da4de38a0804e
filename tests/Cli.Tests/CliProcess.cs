using System.Diagnostics;

namespace NeuralPredictivity.Cli.Tests;

/// <summary>Runs the built <c>predictivity</c> as a child process, as a user would.</summary>
internal static class CliProcess
{
    /// <summary>The CLI assembly copied into this test project's output by the project reference.</summary>
    internal static string DefaultAssembly => Path.Combine(AppContext.BaseDirectory, "predictivity.dll");

    internal static CliResult Run(
        IEnumerable<string> args,
        string? assembly = null,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly ?? DefaultAssembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"predictivity {string.Join(' ', args)} did not finish in time.");
        }

        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary>Exit code and captured streams of one CLI invocation.</summary>
internal sealed record CliResult(int ExitCode, string StandardOutput, string StandardError)
{
    internal string AllOutput => StandardOutput + StandardError;
}
