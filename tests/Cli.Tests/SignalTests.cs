using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NeuralPredictivity.Models;

namespace NeuralPredictivity.Cli.Tests;

/// <summary>A real SIGINT or SIGTERM sent to the CLI process: the command stops cooperatively, deletes its
/// temporary outputs, prints one "cancelled" line and exits 130 (SIGINT) or 143 (SIGTERM).</summary>
public sealed partial class SignalTests : IDisposable
{
    private readonly string _root = TestEnvironment.NewFolder("np-cli-signals-");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void InterruptedRunInItsRegressionExitsCancelledAndLeavesNoFolder()
    {
        // 2.5 cm bins (1,600 of them) and 1,024 features: the regression lasts about a second on 2 cores, long
        // enough for the signal to land inside it (with the small settings it takes 0.03 s).
        var target = Path.Combine(_root, "interrupted");
        using var cli = SignalledCli.Start(_root, ["run",
            .. TestEnvironment.SmallWith("--verbosity", "normal", "--bin-size", "2.5", "--fold-count", "5"),
            "--model", "random-fourier:d=1024", "--out", target]);

        Assert.True(cli.WaitFor(() => cli.StandardError.Contains("[4/6] regression", StringComparison.Ordinal)),
            "the run ended before its regression phase; nothing was interrupted:\n" + cli.StandardError);
        cli.Send("INT");
        var exit = cli.WaitForExit();

        Assert.True(exit == 130, $"exit {exit}:\n{cli.StandardError}");
        Assert.Contains("predictivity run: cancelled", cli.StandardError);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root));
    }

    [Fact]
    public void InterruptedRunStopsWithinItsFeatureMapsWithoutFinishingThem()
    {
        // 100,000 trajectory batches would take hours: the run can only end soon by stopping between batches.
        var target = Path.Combine(_root, "features");
        using var cli = SignalledCli.Start(_root, ["run",
            .. TestEnvironment.SmallWith("--verbosity", "normal", "--trajectory-batches", "100000"),
            "--model", "untrained:d=16,seed=1", "--threads", "1", "--out", target]);

        Assert.True(cli.WaitFor(() => cli.StandardError.Contains("/100000 batches", StringComparison.Ordinal)),
            "the run never reported a finished batch:\n" + cli.StandardError);
        cli.Send("INT");
        var exit = cli.WaitForExit();

        Assert.True(exit == 130, $"exit {exit}:\n{cli.StandardError}");
        Assert.Contains("predictivity run: cancelled", cli.StandardError);
        Assert.DoesNotContain("[3/6]", cli.StandardError, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root));
    }

    [Fact]
    public void TerminatedRunWhileWritingDeletesItsWorkFolder()
    {
        var target = Path.Combine(_root, "terminated");
        using var cli = SignalledCli.Start(_root, ["run", .. TestEnvironment.Small, "--model", "random-fourier:d=16",
            "--out", target]);

        // The work folder exists only while the results are being written.
        Assert.True(cli.WaitFor(() => Directory.EnumerateDirectories(_root, ".terminated.tmp-*").Any()),
            "the run ended before its results were being written; nothing was interrupted");
        cli.Send("TERM");
        var exit = cli.WaitForExit();

        Assert.True(exit == 143, $"exit {exit}:\n{cli.StandardError}");
        Assert.Contains("predictivity run: cancelled", cli.StandardError);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root));
    }

    [Fact]
    public void InterruptedTrainingSavesACheckpointAtTheStepReached()
    {
        var checkpoint = Path.Combine(_root, "net");
        string[] options =
        [
            "--out", checkpoint, "--hidden", "16", "--place-cells", "32", "--batch", "8", "--seq-length", "10",
            "--curve-every", "5", "--checkpoint-every", "100000", "--threads", "1",
        ];
        using var cli = SignalledCli.Start(_root, ["train", .. options, "--steps", "100000"]);

        Assert.True(cli.WaitFor(() => StepLine().IsMatch(cli.StandardError)),
            "training never reported a step:\n" + cli.StandardError);
        cli.Send("INT");
        var exit = cli.WaitForExit();

        Assert.True(exit == 130, $"exit {exit}:\n{cli.StandardError}");
        Assert.Contains($"train: cancelled; checkpoint saved at {checkpoint}", cli.StandardError);
        var reached = int.Parse(InterruptedAt().Match(cli.StandardError).Groups[1].Value, CultureInfo.InvariantCulture);
        using (var saved = PathIntegrator.Load(checkpoint))
        {
            Assert.InRange(reached, 5, 99_999);
            Assert.Equal(reached, saved.CompletedTrainingSteps);
        }

        Assert.Equal(["net.json", "net.optimizer", "net.weights"],
            Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName).Order());
        var resumed = CliRunner.Invoke(["train", .. options, "--steps", (reached + 5).ToString(
            CultureInfo.InvariantCulture), "--resume", "--verbosity", "quiet"]);
        Assert.Equal(0, resumed.ExitCode);
        using var finished = PathIntegrator.Load(checkpoint);
        Assert.Equal(reached + 5, finished.CompletedTrainingSteps);
    }

    [Fact]
    public void ResumeWithoutACheckpointIsAnErrorNamingThePath()
    {
        var checkpoint = Path.Combine(_root, "missing");

        var result = CliRunner.Invoke("train", "--out", checkpoint, "--resume", "--steps", "10", "--hidden", "8");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--resume", result.StandardError);
        Assert.Contains(checkpoint + ".json", result.StandardError);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root));
    }

    [Fact]
    public void TrainingOverAnExistingCheckpointOrResumingWithOtherSettingsIsAUsageError()
    {
        var checkpoint = Path.Combine(_root, "net");
        string[] tiny = ["train", "--out", checkpoint, "--hidden", "8", "--place-cells", "16", "--batch", "4",
            "--seq-length", "5", "--steps", "2", "--threads", "1", "--verbosity", "quiet"];
        Assert.Equal(0, CliRunner.Invoke(tiny).ExitCode);
        var weights = File.ReadAllBytes(checkpoint + ".weights");

        var again = CliRunner.Invoke(tiny);
        var other = CliRunner.Invoke([.. tiny.Select(a => a switch { "8" => "12", "2" => "3", _ => a }), "--resume"]);

        Assert.True(again.ExitCode == 2, again.AllOutput);
        Assert.Contains("train: --out: " + checkpoint + ".json already exists; pass --resume", again.StandardError);
        Assert.True(other.ExitCode == 2, other.AllOutput);
        Assert.Contains("cannot resume with different settings", other.StandardError);
        Assert.Equal(weights, File.ReadAllBytes(checkpoint + ".weights"));
    }

    [Fact]
    public void ResumingTakesTheCheckpointsSettingsForOptionsLeftOut()
    {
        // Trained with non-default settings; resumed with only --out, --resume and --steps.
        var checkpoint = Path.Combine(_root, "net");
        string[] tiny = ["train", "--out", checkpoint, "--hidden", "8", "--place-cells", "16", "--batch", "4",
            "--seq-length", "5", "--steps", "2", "--lr", "0.002", "--threads", "1", "--verbosity", "quiet"];
        Assert.Equal(0, CliRunner.Invoke(tiny).ExitCode);

        var resumed = CliRunner.Invoke("train", "--out", checkpoint, "--resume", "--steps", "4", "--threads", "1",
            "--verbosity", "quiet");

        Assert.True(resumed.ExitCode == 0, resumed.AllOutput);
        using var network = PathIntegrator.Load(checkpoint);
        Assert.Equal(4, network.CompletedTrainingSteps);
        Assert.Equal(8, network.HiddenSize);
        Assert.Equal(16, network.Options.PlaceCellCount);

        var notFurther = CliRunner.Invoke("train", "--out", checkpoint, "--resume", "--steps", "4", "--threads", "1");
        Assert.True(notFurther.ExitCode == 2, notFurther.AllOutput);
        Assert.Contains($"--steps: expected more than the 4 steps the checkpoint at {checkpoint} has taken; found 4",
            notFurther.StandardError);
    }

    [GeneratedRegex(@"step \d+/100000")]
    private static partial Regex StepLine();

    [GeneratedRegex(@"training interrupted at step (\d+)")]
    private static partial Regex InterruptedAt();

    /// <summary>The built CLI as a child process whose standard error is collected, with SIGINT and SIGTERM at
    /// their default actions (<c>env --default-signal</c>): a process started in the background by a
    /// non-interactive shell inherits SIGINT ignored, and so would the CLI.</summary>
    private sealed class SignalledCli : IDisposable
    {
        private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
        private readonly Process _process;
        private readonly StringBuilder _error = new();

        private SignalledCli(Process process) => _process = process;

        internal string StandardError
        {
            get
            {
                lock (_error)
                {
                    return _error.ToString();
                }
            }
        }

        internal static SignalledCli Start(string workingFolder, IEnumerable<string> args)
        {
            var start = new ProcessStartInfo("env")
            {
                WorkingDirectory = workingFolder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in (string[])["--default-signal=INT,TERM", "dotnet", CliProcess.DefaultAssembly, .. args])
            {
                start.ArgumentList.Add(arg);
            }

            var cli = new SignalledCli(Process.Start(start)!);
            cli._process.OutputDataReceived += (_, _) => { };
            cli._process.ErrorDataReceived += (_, line) =>
            {
                lock (cli._error)
                {
                    cli._error.AppendLine(line.Data);
                }
            };
            cli._process.BeginOutputReadLine();
            cli._process.BeginErrorReadLine();
            return cli;
        }

        /// <summary>Polls until <paramref name="condition"/> holds; false if the process ended first.</summary>
        internal bool WaitFor(Func<bool> condition)
        {
            var deadline = DateTime.UtcNow + Patience;
            while (DateTime.UtcNow < deadline)
            {
                if (condition())
                {
                    return true;
                }

                if (_process.HasExited)
                {
                    // Lines still in flight are delivered before the parameterless wait returns.
                    _process.WaitForExit();
                    return condition();
                }

                Thread.Sleep(2);
            }

            return false;
        }

        /// <summary>Sends SIGINT or SIGTERM with kill(1), as a terminal or a scheduler would.</summary>
        internal void Send(string signal)
        {
            using var kill = Process.Start("kill", [$"-{signal}", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
            Assert.Equal(0, kill.ExitCode);
        }

        internal int WaitForExit()
        {
            Assert.True(_process.WaitForExit(Patience), "the process did not stop after the signal");
            _process.WaitForExit();
            return _process.ExitCode;
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
        }
    }
}
