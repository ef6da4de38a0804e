using System.Diagnostics;

using NeuralPredictivity.Benchmark.Cluster;

namespace NeuralPredictivity.Benchmark.Tests.Cluster;

/// <summary>A temporary folder holding a stand-in toolkit build and a stand-in <c>predictivity</c> launcher.</summary>
/// <remarks>
/// The sbatch scripts treat the toolkit as a black box (assemblies to fingerprint, a command to
/// run), so the script and scheduler plumbing can be tested without the real sweep: the stand-in
/// launcher is a bash script that logs its arguments and thread variables, and emulates a shard
/// (writes one file per shard under <c>--out</c>, by rename) or a merge (lists those files).
/// Environment variables steer it: <c>STANDIN_SLEEP</c> seconds before finishing a shard,
/// <c>STANDIN_EXIT</c> an exit code to return instead of working.
/// </remarks>
internal sealed class StandInToolkit : IDisposable
{
    private const string LauncherScript = """
        #!/bin/bash
        # Stand-in for predictivity in cluster tests: logs the call, then emulates sweep or merge.
        log="$(dirname "$0")/calls.log"
        printf '%s\tthreads=%s\tomp=%s\n' "$*" "${SLURM_CPUS_PER_TASK:-}" "${OMP_NUM_THREADS:-}" >>"$log"
        if [ -n "${STANDIN_EXIT:-}" ]; then exit "$STANDIN_EXIT"; fi
        if [ "$1 $2" = "sweep merge" ]; then
            ls "$3/units" >"$3/merged.txt.tmp" && mv "$3/merged.txt.tmp" "$3/merged.txt"
            exit 0
        fi
        out=""; shard=""; threads=""
        while [ $# -gt 0 ]; do
            case "$1" in
                --out) out="$2"; shift ;;
                --shard) shard="$2"; shift ;;
                --threads) threads="$2"; shift ;;
            esac
            shift
        done
        sleep "${STANDIN_SLEEP:-0}"
        index="${shard%/*}"
        mkdir -p "$out/units"
        echo "shard $shard threads $threads" >"$out/units/.shard-$index.tmp"
        mv "$out/units/.shard-$index.tmp" "$out/units/shard-$index"
        """;

    internal StandInToolkit()
    {
        Root = Path.Combine(Path.GetTempPath(), "np-cluster-" + Guid.NewGuid().ToString("N")[..12]);
        BuildFolder = Path.Combine(Root, "build");
        Directory.CreateDirectory(BuildFolder);
        File.WriteAllText(Path.Combine(BuildFolder, "predictivity.dll"), "stand-in CLI assembly");
        File.WriteAllText(Path.Combine(BuildFolder, "NeuralPredictivity.Benchmark.dll"), "stand-in library");
        File.WriteAllText(Path.Combine(BuildFolder, "Other.Library.dll"), "not part of the toolkit");
        File.WriteAllText(LauncherPath, LauncherScript.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
    }

    internal string Root { get; }

    internal string BuildFolder { get; }

    internal string LauncherPath => Path.Combine(BuildFolder, "predictivity-standin.sh");

    /// <summary>Lines the stand-in launcher logged, one per call.</summary>
    internal string[] Calls
    {
        get
        {
            var log = Path.Combine(BuildFolder, "calls.log");
            return File.Exists(log) ? File.ReadAllLines(log) : [];
        }
    }

    /// <summary>A plan for a sweep folder under <see cref="Root"/> run by the stand-in launcher.</summary>
    internal SlurmSweepPlan Plan(string sweepName, int shardCount, IReadOnlyList<int>? shards = null) => new()
    {
        SweepFolder = Path.Combine(Root, sweepName),
        Launcher = ["/bin/bash", LauncherPath],
        SweepOptions = ["--families", "random-relu,place", "--dims", "4,8", "--seeds", "0"],
        ShardCount = shardCount,
        ShardsToRun = shards ?? Enumerable.Range(1, shardCount).ToArray(),
        Build = ToolkitBuild.FromDirectory(BuildFolder),
    };

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A task still writing its log keeps the folder briefly; the OS temp cleaner takes it later.
        }
    }
}

/// <summary>Runs a generated sbatch script directly with bash, with the variables SLURM would set.</summary>
internal static class ScriptRunner
{
    internal static (int ExitCode, string Output, string Error) Run(
        string script,
        IReadOnlyDictionary<string, string> environment,
        Action<Process>? whileRunning = null)
    {
        var start = new ProcessStartInfo("/bin/bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        var inherited = start.Environment.Keys.Where(k => k.StartsWith("SLURM_", StringComparison.Ordinal));
        foreach (var name in inherited.ToArray())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        whileRunning?.Invoke(process);
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bash {script} did not finish within 30 s.");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
