using System.Diagnostics;
using System.Reflection;

namespace NeuralPredictivity.Benchmark;

/// <summary>Toolkit version and git commit for the manifest.</summary>
internal static class ToolkitInfo
{
    /// <summary>The informational version of the toolkit (with the build's commit when the SDK embedded it).</summary>
    internal static string Version =>
        typeof(ToolkitInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ToolkitInfo).Assembly.GetName().Version?.ToString() ?? "unknown";

    private static readonly Lazy<string?> Commit = new(FindCommit);

    /// <summary>The commit of the checkout the toolkit runs from, with <c>-dirty</c> when tracked files changed;
    /// else the commit embedded at build time; null when neither is known. Looked up once per process.</summary>
    internal static string? GitCommit() => Commit.Value;

    private static string? FindCommit()
    {
        var folder = AppContext.BaseDirectory;
        var head = Git(folder, "rev-parse", "HEAD");
        if (head is { Length: 40 })
        {
            var dirty = Git(folder, "status", "--porcelain", "--untracked-files=no");
            return dirty is { Length: > 0 } ? head + "-dirty" : head;
        }

        var plus = Version.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 ? Version[(plus + 1)..] : null;
    }

    private static string? Git(string folder, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo("git")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("-C");
            start.ArgumentList.Add(folder);
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(5000))
            {
                process.Kill();
                return null;
            }

            return process.ExitCode == 0 ? output.Result.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
