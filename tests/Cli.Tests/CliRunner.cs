using System.CommandLine;
using System.Diagnostics;
using NeuralPredictivity.Cli.Commands;

namespace NeuralPredictivity.Cli.Tests;

/// <summary>Runs the <c>predictivity</c> command in this process, or starts it as a child a test can kill.</summary>
internal static class CliRunner
{
    /// <summary>Parses and invokes the command in-process, capturing standard output and error.</summary>
    internal static CliResult Invoke(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = PredictivityCommand.Invoke(args, new InvocationConfiguration { Output = output, Error = error });
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Starts the built CLI as a child process in <paramref name="workingFolder"/>; output is discarded.
    /// </summary>
    internal static Process Start(string workingFolder, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliProcess.DefaultAssembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
