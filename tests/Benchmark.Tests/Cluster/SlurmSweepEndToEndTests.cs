using System.Diagnostics;
using System.Globalization;
using NeuralPredictivity.Benchmark.Cluster;

namespace NeuralPredictivity.Benchmark.Tests.Cluster;

/// <summary>A real sweep on stensola2012_ben submitted with <c>predictivity sweep --slurm</c> to a
/// single-node SLURM, against the same sweep run locally.</summary>
/// <remarks>
/// Four units (two families × two dimensions × one seed) with a cheap protocol (fixed ridge, 10
/// trajectory batches, 2 reliability draws, 100 bootstrap resamples): enough for a 4-task array
/// with two tasks at a time on two cores, a merge job, a task cancelled mid-unit and a
/// resubmission. The protocol is cheap because the test is about the plumbing; the units are real
/// runs on the bundled recording.
/// </remarks>
[Collection(SlurmClusterCollection.Name)]
public sealed class SlurmSweepEndToEndTests : IDisposable
{
    private static readonly string[] SmallSweep =
    [
        // A shard running an untrained network's unit takes seconds (process start, 300 batches of
        // synthetic trajectories), so scancel sent as soon as its task records "running" lands before
        // the unit is renamed into place; a position family's unit can finish first.
        "sweep", "--families", "untrained,place-cells", "--dims", "4,8", "--seeds", "0",
        "--regression", "ridge-fixed", "--trajectory-batches", "300", "--reliability-draws", "2",
        "--bootstrap", "100", "--verbosity", "quiet",
    ];

    private readonly SlurmCluster _cluster;
    private readonly string _root =
        Path.Combine(Path.GetTempPath(), "np-slurm-sweep-" + Guid.NewGuid().ToString("N")[..12]);

    public SlurmSweepEndToEndTests(SlurmCluster cluster)
    {
        _cluster = cluster;
        Directory.CreateDirectory(_root);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A task log still being closed; the temp cleaner takes it later.
        }
    }

    [SlurmFact]
    public void SweepThroughSlurmWithACancelledTaskResubmitsOnlyThatShardAndMergesToTheLocalResult()
    {
        // The same sweep run here, one thread, as the reference.
        var local = Path.Combine(_root, "local");
        var localRun = Predictivity([.. SmallSweep, "--threads", "1", "--out", local]);
        Assert.True(localRun.ExitCode == 0, localRun.Error);

        // Through SLURM: a 4-task array (one core each, two at a time here) and the merge job; shard 2
        // is cancelled while it computes its unit, and the merge job still runs, over three units.
        var cluster = Path.Combine(_root, "cluster");
        var submitted = Predictivity([.. SmallSweep, "--out", cluster, "--slurm", "--cpus-per-task", "1"]);
        Assert.True(submitted.ExitCode == 0, submitted.Error);
        var first = Assert.Single(SlurmSubmission.ReadAll(Path.Combine(cluster, "slurm")));
        const string cancelledUnit = "untrained__d8__s0"; // plan position 1: shard 2 of 4
        var shardRecord = Path.Combine(cluster, "slurm", "tasks", "shard-2.state");
        WaitFor(() => File.Exists(shardRecord) && File.ReadAllText(shardRecord).Split('\t')[1] == "running", cluster);
        var cancel = Commands().Run("scancel", [$"{Id(first.ArrayJobId)}_2"]);
        Assert.True(cancel.ExitCode == 0, cancel.Error);
        WaitUntilGone(first, cluster);

        Assert.Contains($"Submitted array job {Id(first.ArrayJobId)} (4 tasks", submitted.Output);
        Assert.Equal([1, 2, 3, 4], first.Shards);
        Assert.False(Directory.Exists(Path.Combine(cluster, "units", cancelledUnit)));
        var afterCancel = Predictivity(["sweep", "status", cluster]);
        Assert.Equal(3, afterCancel.ExitCode);
        Assert.Contains("4 units: 3 finished, 0 running, 0 pending, 1 failed, 0 missing", afterCancel.Output);
        var cancelledLine = afterCancel.Output.Split('\n').Single(l => l.Contains(cancelledUnit));
        Assert.Contains($"failed    {cancelledUnit}  shard 2: task {Id(first.ArrayJobId)}_2: cancelled", cancelledLine);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(cluster, "sweep.csv")).Length - 1);

        // The same command again submits only shard 2; the merged table then equals the local one.
        var resubmitted = Predictivity([.. SmallSweep, "--out", cluster, "--slurm", "--cpus-per-task", "1"]);
        Assert.True(resubmitted.ExitCode == 0, resubmitted.Error);
        var second = SlurmSubmission.ReadAll(Path.Combine(cluster, "slurm"))[^1];
        WaitUntilGone(second, cluster);

        Assert.Contains("4 units, 3 finished; 1 of 4 shards have units to run.", resubmitted.Output);
        Assert.Equal([2], second.Shards);
        Assert.Equal(File.ReadAllBytes(Path.Combine(local, "sweep.csv")),
            File.ReadAllBytes(Path.Combine(cluster, "sweep.csv")));
        Assert.True(File.Exists(Path.Combine(cluster, "predictivity_vs_pr.png")));
        var final = Predictivity(["sweep", "status", cluster]);
        Assert.True(final.ExitCode == 0, final.Output + final.Error);
        Assert.StartsWith("4 units: 4 finished, 0 running, 0 pending, 0 failed, 0 missing", final.Output,
            StringComparison.Ordinal);
        Assert.Equal(5, Directory.GetFiles(Path.Combine(cluster, "slurm", "logs"), "sweep-*.out").Length);
    }

    [SlurmFact]
    public void DryRunWritesTheScriptsWithoutSubmittingAnything()
    {
        var folder = Path.Combine(_root, "dry");

        var result = Predictivity([.. SmallSweep, "--out", folder, "--slurm", "--dry-run", "--partition", "debug",
            "--time", "10", "--mem", "1G", "--array-parallelism", "2", "--shards", "2"]);

        Assert.True(result.ExitCode == 0, result.Error);
        var script = File.ReadAllText(Path.Combine(folder, "slurm", "sweep.sbatch"));
        Assert.Contains("#SBATCH --array=1-2%2\n", script);
        Assert.Contains("#SBATCH --partition=debug\n#SBATCH --time=10\n", script);
        Assert.Contains($"{PredictivityProcess.Assembly} sweep --families", script);
        Assert.Contains("--shard \"$shard/$shard_count\" --threads \"$threads\"", script);
        Assert.Contains("sbatch --dependency=afterany:$id", result.Output);
        Assert.False(File.Exists(Path.Combine(folder, "slurm", SlurmSubmission.LogFileName)));
        Assert.False(File.Exists(Path.Combine(folder, "sweep.json")));
    }

    [SlurmFact]
    public void InvalidSlurmOptionsFailBeforeAnythingIsWrittenAndNameTheOption()
    {
        var folder = Path.Combine(_root, "invalid");

        var result = Predictivity([.. SmallSweep, "--out", folder, "--slurm", "--time", "soon", "--threads", "2",
            "--cpus-per-task", "0"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--time: expected a SLURM time limit", result.Error);
        Assert.Contains("--threads: expected no --threads with --slurm", result.Error);
        Assert.Contains("--cpus-per-task: expected an integer of at least 1; found 0.", result.Error);
        Assert.False(Directory.Exists(folder));
    }

    private (int ExitCode, string Output, string Error) Predictivity(IEnumerable<string> arguments) =>
        PredictivityProcess.Run(arguments, _cluster.Environment, _root);

    private SlurmCommands Commands() => new(_cluster.Environment);

    private void WaitUntilGone(SlurmSubmission submission, string sweepFolder)
    {
        var commands = Commands();
        WaitFor(() => SlurmQueue.ReadQueue(commands, [submission.ArrayJobId, submission.MergeJobId]) is { Count: 0 },
            sweepFolder);
    }

    private void WaitFor(Func<bool> condition, string? sweepFolder = null)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!condition())
        {
            // A quiet machine reaches each state in well under a minute; the margin covers a machine
            // whose two cores are busy with other work, where a single task can take minutes.
            if (stopwatch.Elapsed > TimeSpan.FromSeconds(360))
            {
                var jobLogs = sweepFolder is null ? null : Path.Combine(sweepFolder, "slurm", "logs");
                throw new TimeoutException(
                    "the sweep did not reach the expected state within 360 s; the cluster now:\n"
                    + _cluster.Describe(jobLogs));
            }

            Thread.Sleep(250);
        }
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
