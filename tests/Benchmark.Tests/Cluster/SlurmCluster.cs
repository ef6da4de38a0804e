using System.Diagnostics;
using System.Globalization;

namespace NeuralPredictivity.Benchmark.Tests.Cluster;

/// <summary>A private single-node SLURM cluster for the tests of one collection, started once.</summary>
/// <remarks>
/// Started by <c>slurm/start-slurm.sh</c> into a temporary folder (munged, slurmctld and slurmd as
/// root, no systemd) and stopped by <c>slurm/stop-slurm.sh</c>, which kills exactly the pids the
/// start recorded. Tests reach it through <see cref="Environment"/> (<c>SLURM_CONF</c>).
/// </remarks>
public sealed class SlurmCluster : IDisposable
{
    public SlurmCluster()
    {
        Folder = Path.Combine(Path.GetTempPath(), "np-slurm-" + Guid.NewGuid().ToString("N")[..12]);
        if (SkipReason is not null)
        {
            // Every test of the collection is skipped; there is nothing to start.
            ConfigFile = StartLog = "";
            Environment = new Dictionary<string, string>();
            return;
        }

        var stopwatch = Stopwatch.StartNew();
        var (exit, output, error) = RunScript("start-slurm.sh", Folder);
        if (exit != 0)
        {
            throw new InvalidOperationException($"start-slurm.sh failed with exit code {exit}:\n{error}");
        }

        StartTime = stopwatch.Elapsed;
        StartLog = error;
        ConfigFile = output.Trim();
        Environment = new Dictionary<string, string> { ["SLURM_CONF"] = ConfigFile };
    }

    public string Folder { get; }

    public string ConfigFile { get; }

    public TimeSpan StartTime { get; }

    public string StartLog { get; }

    /// <summary>Variables that point SLURM's client programs at this cluster.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Why cluster tests cannot run here (SLURM cannot be installed), or null when they can.</summary>
    /// <remarks>Runs <c>install-slurm.sh</c> once per test run, which installs Debian's packages when
    /// missing; only its "cannot install" exit code (3) becomes a skip.</remarks>
    public static string? SkipReason => LazySkipReason.Value;

    private static readonly Lazy<string?> LazySkipReason = new(() =>
    {
        var (exit, _, error) = RunScript("install-slurm.sh");
        return exit switch
        {
            0 => null,
            3 => "SLURM cannot be installed on this machine: " + error.Trim(),
            _ => null, // any other failure is reported by the cluster start, as a failing test
        };
    });

    /// <summary>What the cluster is doing now, for a test that waited too long: the queue with each
    /// job's state and reason, the node's state, and the last lines of the daemons' logs and of any
    /// job logs under <paramref name="jobLogFolder"/>.</summary>
    public string Describe(string? jobLogFolder = null)
    {
        var report = new System.Text.StringBuilder();
        var commands = new Benchmark.Cluster.SlurmCommands(Environment);
        foreach (var (program, arguments) in new[]
        {
            ("squeue", new[] { "--all", "-o", "%i %j %T %r %M" }),
            ("sinfo", new[] { "-N", "-o", "%N %T %C %E" }),
        })
        {
            var result = commands.Run(program, arguments);
            report.Append(CultureInfo.InvariantCulture, $"$ {program} {string.Join(' ', arguments)}\n");
            report.Append(result.Output).Append(result.Error);
        }

        var logs = Directory.EnumerateFiles(Path.Combine(Folder, "log"), "*.log");
        if (jobLogFolder is not null && Directory.Exists(jobLogFolder))
        {
            logs = logs.Concat(Directory.EnumerateFiles(jobLogFolder));
        }

        foreach (var log in logs.Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(log);
            report.Append(CultureInfo.InvariantCulture, $"--- {log} (last {Math.Min(lines.Length, 15)} lines)\n");
            report.AppendJoin('\n', lines.TakeLast(15)).Append('\n');
        }

        return report.ToString();
    }

    public void Dispose()
    {
        if (!Directory.Exists(Folder))
        {
            return;
        }

        RunScript("stop-slurm.sh", Folder);
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A daemon's last log line may still be in flight; the temp cleaner takes the rest.
        }
    }

    internal static string ScriptFolder =>
        Path.Combine(RepositoryRoot(), "tests", "Benchmark.Tests", "Cluster", "slurm");

    private static (int Exit, string Output, string Error) RunScript(string name, params string[] arguments)
    {
        var start = new ProcessStartInfo("/bin/bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(ScriptFolder, name));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{name} did not finish within 5 minutes.");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "NeuralPredictivity.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName
            ?? throw new DirectoryNotFoundException($"No NeuralPredictivity.sln above {AppContext.BaseDirectory}.");
    }
}

/// <summary>The collection whose tests share one <see cref="SlurmCluster"/>, one test at a time.</summary>
[CollectionDefinition(Name)]
public sealed class SlurmClusterCollection : ICollectionFixture<SlurmCluster>
{
    public const string Name = "SLURM cluster";
}

/// <summary>A fact that needs a real SLURM cluster; skipped, with the reason, where SLURM cannot be
/// installed.</summary>
public sealed class SlurmFactAttribute : FactAttribute
{
    public SlurmFactAttribute()
    {
        if (SlurmCluster.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
