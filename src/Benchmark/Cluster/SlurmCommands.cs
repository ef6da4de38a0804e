using System.ComponentModel;
using System.Diagnostics;

namespace NeuralPredictivity.Benchmark.Cluster;

/// <summary>Runs SLURM's client programs (sbatch, squeue, sacct, scancel) and captures what they print.</summary>
/// <remarks>
/// The programs are found on <c>PATH</c>; <c>SLURM_CONF</c> and the rest of the environment are
/// inherited, with <see cref="Environment"/> added on top (tests point <c>SLURM_CONF</c> at a
/// private cluster this way). Each call is bounded by <see cref="Timeout"/>, since a controller
/// that does not answer would otherwise hang the caller.
/// </remarks>
internal sealed class SlurmCommands
{
    internal SlurmCommands(IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        Environment = environment ?? new Dictionary<string, string>();
        Timeout = timeout ?? TimeSpan.FromSeconds(60);
    }

    /// <summary>Variables set for every SLURM program, on top of this process's environment.</summary>
    internal IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Longest time one program may take.</summary>
    internal TimeSpan Timeout { get; }

    /// <summary>Runs <paramref name="program"/> and returns its exit code and output.</summary>
    /// <exception cref="SlurmException">The program is not installed, or did not finish in time.</exception>
    internal SlurmCommandResult Run(string program, IEnumerable<string> arguments)
    {
        var path = Find(program) ?? throw new SlurmException(
            $"{program} was not found on PATH. --slurm hands the sweep to SLURM's own {program}: run on a "
            + "machine where SLURM's client commands work (a cluster login node), or add --dry-run to only "
            + "write the sbatch scripts.");
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start)
                ?? throw new SlurmException($"{program} could not be started.");
        }
        catch (Win32Exception e)
        {
            throw new SlurmException($"{path} could not be started: {e.Message}.", inner: e);
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new SlurmException(
                    $"{program} {string.Join(' ', start.ArgumentList)} did not answer within "
                    + $"{Timeout.TotalSeconds:0} s; is slurmctld reachable (scontrol ping)?");
            }

            return new SlurmCommandResult(process.ExitCode, output.Result, error.Result);
        }
    }

    /// <summary>Whether <paramref name="program"/> is on <c>PATH</c>.</summary>
    internal bool IsInstalled(string program) => Find(program) is not null;

    /// <summary>Full path of <paramref name="program"/> on <c>PATH</c> (this runner's, when it sets one).</summary>
    private string? Find(string program)
    {
        var search = Environment.TryGetValue("PATH", out var own)
            ? own
            : System.Environment.GetEnvironmentVariable("PATH") ?? "";
        return search.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
    }
}

/// <summary>Exit code and captured streams of one SLURM program.</summary>
internal sealed record SlurmCommandResult(int ExitCode, string Output, string Error);
