using System.Diagnostics;
using System.Globalization;

using NeuralPredictivity.Benchmark.Cluster;

namespace NeuralPredictivity.Benchmark.Tests.Cluster;

public sealed class SbatchScriptTests : IDisposable
{
    private readonly StandInToolkit _toolkit = new();

    public void Dispose() => _toolkit.Dispose();

    [Fact]
    public void ArrayScriptRequestsOneTaskPerShardWithEveryResourceOption()
    {
        var plan = _toolkit.Plan("sweep", shardCount: 12);
        var options = new SlurmJobOptions
        {
            Partition = "short", TimeLimit = "4:00:00", CpusPerTask = 4, Memory = "8G", ArrayParallelism = 3,
        };

        var script = SbatchScript.Array(plan, options);

        var directives = Directives(script);
        Assert.Contains("--array=1-12%3", directives);
        Assert.Contains("--partition=short", directives);
        Assert.Contains("--time=4:00:00", directives);
        Assert.Contains("--cpus-per-task=4", directives);
        Assert.Contains("--mem=8G", directives);
        Assert.Contains("--job-name=sweep-sweep", directives);
        Assert.Contains($"--output=\"{plan.SweepFolder}/slurm/logs/sweep-%A_%a.out\"", directives);
        Assert.Contains($"--chdir=\"{plan.SweepFolder}\"", directives);
        Assert.StartsWith("#!/bin/bash\n", script, StringComparison.Ordinal);
    }

    [Fact]
    public void UnsetOptionsLeaveTheClusterDefaults()
    {
        var plan = _toolkit.Plan("sweep", shardCount: 5, shards: [1, 2, 4]);

        var directives = Directives(SbatchScript.Array(plan, new SlurmJobOptions()));

        Assert.Contains("--array=1-2,4", directives);
        Assert.DoesNotContain(directives, d => d.StartsWith("--partition", StringComparison.Ordinal)
            || d.StartsWith("--time", StringComparison.Ordinal)
            || d.StartsWith("--cpus-per-task", StringComparison.Ordinal)
            || d.StartsWith("--mem", StringComparison.Ordinal));
    }

    [Fact]
    public void MergeScriptRunsTheMergeWithOneCoreAndTheSameLimits()
    {
        var plan = _toolkit.Plan("sweep", shardCount: 4);
        var options = new SlurmJobOptions { Partition = "short", TimeLimit = "30", CpusPerTask = 8, Memory = "2G" };

        var script = SbatchScript.Merge(plan, options);

        var directives = Directives(script);
        Assert.Contains("--cpus-per-task=1", directives);
        Assert.Contains("--partition=short", directives);
        Assert.Contains("--time=30", directives);
        Assert.Contains("--mem=2G", directives);
        Assert.DoesNotContain(directives, d => d.StartsWith("--array", StringComparison.Ordinal));
        Assert.Contains($"/bin/bash {_toolkit.LauncherPath} sweep merge \"$sweep_dir\"", script);
    }

    [Fact]
    public void TaskRunsItsShardOfTheWrittenShardCountNotTheArraysTaskCount()
    {
        // A resubmission of shards 5 and 9 only is an array of 2 tasks; shard 5 is still 5 of 12.
        var plan = _toolkit.Plan("sweep", shardCount: 12, shards: [5, 9]);
        var script = WriteArray(plan, new SlurmJobOptions());

        var (exit, _, error) = ScriptRunner.Run(script, SlurmTask(plan, shard: 5, taskCount: 2));

        Assert.True(exit == 0, error);
        var call = Assert.Single(_toolkit.Calls);
        Assert.StartsWith(
            "sweep --families random-relu,place --dims 4,8 --seeds 0 "
                + $"--out {plan.SweepFolder} --shard 5/12 --threads 1",
            call, StringComparison.Ordinal);
        Assert.Equal("shard 5/12 threads 1\n", File.ReadAllText(Path.Combine(plan.SweepFolder, "units", "shard-5")));
        var record = ReadRecord(plan, 5);
        Assert.Equal(["77_5", "completed", "exit 0"], record[..3]);
    }

    [Theory]
    [InlineData(null, null, 1)]          // no --cpus-per-task: SLURM grants one core
    [InlineData("1", "2", 1)]
    [InlineData("4", "1", 1)]            // fewer cores on the node than asked: the grant wins
    [InlineData("64", "64", -1)]         // more than this machine has: capped at nproc
    public void ThreadsNeverExceedTheGrantedCoresNorTheNodesCores(string? cpusPerTask, string? cpusOnNode, int expected)
    {
        var plan = _toolkit.Plan("sweep", shardCount: 2);
        var script = WriteArray(plan, new SlurmJobOptions());
        var environment = new Dictionary<string, string>(SlurmTask(plan, shard: 1, taskCount: 2));
        if (cpusPerTask is not null)
        {
            environment["SLURM_CPUS_PER_TASK"] = cpusPerTask;
        }

        if (cpusOnNode is not null)
        {
            environment["SLURM_CPUS_ON_NODE"] = cpusOnNode;
        }

        var (exit, _, error) = ScriptRunner.Run(script, environment);

        Assert.True(exit == 0, error);
        var threads = expected > 0 ? expected : Nproc();
        Assert.Contains($"--threads {threads.ToString(CultureInfo.InvariantCulture)}\t", _toolkit.Calls[0]);
        Assert.EndsWith($"omp={threads.ToString(CultureInfo.InvariantCulture)}", _toolkit.Calls[0]);
    }

    [Fact]
    public void NodeWithAnotherBuildRefusesToRunAndSaysWhy()
    {
        var plan = _toolkit.Plan("sweep", shardCount: 2);
        var script = WriteArray(plan, new SlurmJobOptions());
        File.AppendAllText(Path.Combine(_toolkit.BuildFolder, "NeuralPredictivity.Benchmark.dll"), " rebuilt");

        var (exit, _, error) = ScriptRunner.Run(script, SlurmTask(plan, shard: 1, taskCount: 2));

        Assert.Equal(SbatchScript.BuildMismatchExitCode, exit);
        Assert.Empty(_toolkit.Calls);
        Assert.Contains("does not have the build this sweep was submitted with", error);
        Assert.Contains(plan.Build.Version, error);
        Assert.Contains(plan.Build.Fingerprint, error);
        Assert.Equal(["77_1", "failed", "build-mismatch"], ReadRecord(plan, 1)[..3]);
    }

    [Fact]
    public void AssembliesOutsideTheToolkitDoNotEnterTheFingerprint()
    {
        var plan = _toolkit.Plan("sweep", shardCount: 1);
        var script = WriteArray(plan, new SlurmJobOptions());
        File.AppendAllText(Path.Combine(_toolkit.BuildFolder, "Other.Library.dll"), " updated");

        var (exit, _, error) = ScriptRunner.Run(script, SlurmTask(plan, shard: 1, taskCount: 1));

        Assert.True(exit == 0, error);
        Assert.Equal(["NeuralPredictivity.Benchmark.dll", "predictivity.dll"], plan.Build.Files);
    }

    [Fact]
    public void FailingShardIsRecordedWithItsExitCode()
    {
        var plan = _toolkit.Plan("sweep", shardCount: 3);
        var script = WriteArray(plan, new SlurmJobOptions());
        var environment = new Dictionary<string, string>(SlurmTask(plan, shard: 2, taskCount: 3))
        {
            ["STANDIN_EXIT"] = "5",
        };

        var (exit, _, _) = ScriptRunner.Run(script, environment);

        Assert.Equal(5, exit);
        Assert.Equal(["77_2", "failed", "exit 5"], ReadRecord(plan, 2)[..3]);
    }

    [Fact]
    public void TerminatedTaskIsRecordedAsCancelledAndLeavesNoUnit()
    {
        var plan = _toolkit.Plan("sweep", shardCount: 2);
        var script = WriteArray(plan, new SlurmJobOptions());
        var environment = new Dictionary<string, string>(SlurmTask(plan, shard: 1, taskCount: 2))
        {
            ["STANDIN_SLEEP"] = "20",
        };

        var stopwatch = Stopwatch.StartNew();
        var (exit, _, _) = ScriptRunner.Run(script, environment, process =>
        {
            WaitFor(() => ReadRecordOrNull(plan, 1)?[1] == "running");
            Thread.Sleep(200);
            ProcessTree.Signal(process.Id, "TERM");
        });

        Assert.Equal(143, exit);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(15), $"took {stopwatch.Elapsed}");
        Assert.Equal(["77_1", "cancelled", "SIGTERM"], ReadRecord(plan, 1)[..3]);
        Assert.False(File.Exists(Path.Combine(plan.SweepFolder, "units", "shard-1")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void TaskOutsideTheShardsStopsBeforeRunning(int shard)
    {
        var plan = _toolkit.Plan("sweep", shardCount: 2);
        var script = WriteArray(plan, new SlurmJobOptions());

        var (exit, _, error) = ScriptRunner.Run(script, SlurmTask(plan, shard, taskCount: 3));

        Assert.Equal(2, exit);
        Assert.Contains($"array task {shard} is not one of the shards 1..2", error);
        Assert.Empty(_toolkit.Calls);
    }

    [Fact]
    public void FolderWithSpacesQuotesAndPercentSignsReachesTheToolkitIntact()
    {
        var plan = _toolkit.Plan("it's 100% a sweep", shardCount: 1);
        var script = WriteArray(plan, new SlurmJobOptions());

        var (exit, _, error) = ScriptRunner.Run(script, SlurmTask(plan, shard: 1, taskCount: 1));

        Assert.True(exit == 0, error);
        Assert.True(File.Exists(Path.Combine(plan.SweepFolder, "units", "shard-1")));
        Assert.Contains($"--output=\"{_toolkit.Root}/it's 100\\% a sweep/slurm/logs/sweep-%A_%a.out\"",
            Directives(File.ReadAllText(script)));
        Assert.Equal("sweep-it_s_100__a_sweep", plan.JobName);
    }

    [Fact]
    public void FolderThatSbatchCannotQuoteIsRefusedAsALimitation()
    {
        var plan = _toolkit.Plan("say \"hi\"", shardCount: 1);

        var error = Assert.Throws<NotSupportedException>(() => SbatchScript.Array(plan, new SlurmJobOptions()));

        Assert.Contains("must not contain a double quote", error.Message);
    }

    [Fact]
    public void RelativePathsAreRefusedBecauseTasksStartElsewhere()
    {
        var plan = _toolkit.Plan("sweep", shardCount: 1) with { Launcher = ["dotnet", "predictivity.dll"] };

        var error = Assert.Throws<ArgumentException>(() => SbatchScript.Array(plan, new SlurmJobOptions()));

        Assert.Contains("dotnet: expected an absolute path", error.Message);
    }

    [Fact]
    public void MergeScriptRunsTheMergeAndRecordsIt()
    {
        var plan = _toolkit.Plan("sweep", shardCount: 2);
        Directory.CreateDirectory(Path.Combine(plan.SweepFolder, "units"));
        File.WriteAllText(Path.Combine(plan.SweepFolder, "units", "shard-0"), "done");
        var scripts = new SlurmSweepSubmitter().WriteScripts(plan, new SlurmJobOptions());

        var (exit, _, error) = ScriptRunner.Run(scripts.MergeScript, new Dictionary<string, string>
        {
            ["SLURM_JOB_ID"] = "78",
        });

        Assert.True(exit == 0, error);
        Assert.Equal("shard-0\n", File.ReadAllText(Path.Combine(plan.SweepFolder, "merged.txt")));
        var record = File.ReadAllText(Path.Combine(plan.SlurmFolder, "tasks", "merge.state")).Split('\t');
        Assert.Equal(["78", "completed", "exit 0"], record[..3]);
    }

    [Theory]
    [InlineData(new[] { 1, 2, 3, 6, 8, 9 }, null, "1-3,6,8-9")]
    [InlineData(new[] { 3 }, 2, "3%2")]
    [InlineData(new[] { 4, 1, 3, 2, 6 }, null, "1-4,6")]
    public void ArraySpecFoldsShardsIntoRanges(int[] shards, int? parallelism, string expected)
    {
        Assert.Equal(expected, SbatchScript.ArraySpec(shards, parallelism));
    }

    [Theory]
    [InlineData("plain-word_1.0", "plain-word_1.0")]
    [InlineData("two words", "'two words'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("$HOME", "'$HOME'")]
    [InlineData("", "''")]
    public void QuoteMakesEveryWordLiteralForBash(string word, string expected)
    {
        Assert.Equal(expected, SbatchScript.Quote(word));
    }

    private string WriteArray(SlurmSweepPlan plan, SlurmJobOptions options) =>
        new SlurmSweepSubmitter().WriteScripts(plan, options).ArrayScript;

    private static Dictionary<string, string> SlurmTask(SlurmSweepPlan plan, int shard, int taskCount) => new()
    {
        ["SLURM_ARRAY_JOB_ID"] = "77",
        ["SLURM_JOB_ID"] = (100 + shard).ToString(CultureInfo.InvariantCulture),
        ["SLURM_ARRAY_TASK_ID"] = shard.ToString(CultureInfo.InvariantCulture),
        ["SLURM_ARRAY_TASK_COUNT"] = taskCount.ToString(CultureInfo.InvariantCulture),
        ["SLURM_SUBMIT_DIR"] = plan.SweepFolder,
    };

    private static string[] Directives(string script) => script.Split('\n')
        .Where(line => line.StartsWith("#SBATCH ", StringComparison.Ordinal))
        .Select(line => line["#SBATCH ".Length..])
        .ToArray();

    private static string[] ReadRecord(SlurmSweepPlan plan, int shard) =>
        ReadRecordOrNull(plan, shard) ?? throw new FileNotFoundException($"no record for shard {shard}");

    private static string[]? ReadRecordOrNull(SlurmSweepPlan plan, int shard)
    {
        var path = Path.Combine(plan.SlurmFolder, "tasks", $"shard-{shard}.state");
        return File.Exists(path) ? File.ReadAllText(path).TrimEnd('\n').Split('\t') : null;
    }

    private static void WaitFor(Func<bool> condition)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!condition())
        {
            if (stopwatch.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException("the condition did not hold within 10 s");
            }

            Thread.Sleep(20);
        }
    }

    private static int Nproc()
    {
        using var process = Process.Start(new ProcessStartInfo("nproc") { RedirectStandardOutput = true })!;
        return int.Parse(process.StandardOutput.ReadToEnd().Trim(), CultureInfo.InvariantCulture);
    }
}
