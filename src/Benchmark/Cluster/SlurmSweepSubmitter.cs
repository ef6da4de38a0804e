using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace NeuralPredictivity.Benchmark.Cluster;

/// <summary>Writes a sweep's sbatch scripts and submits them: the job array, then the merge job.</summary>
/// <remarks>
/// <para>
/// Files go to <c>SweepFolder/slurm</c>: <c>sweep.sbatch</c>, <c>merge.sbatch</c>, <c>logs/</c>
/// (one output file per task, which SLURM needs to exist beforehand), <c>tasks/</c> (the task
/// records) and <c>submissions.tsv</c>. Scripts are replaced by rename, so a task that starts while
/// a resubmission rewrites them reads a whole script.
/// </para>
/// <para>
/// Submission runs <c>sbatch --parsable sweep.sbatch</c>, then <c>sbatch --parsable
/// --dependency=afterany:&lt;id&gt; merge.sbatch</c>. It refuses to start while an earlier submission
/// of the same sweep still has tasks queued or running, since two tasks on one shard would
/// compute the same units twice.
/// </para>
/// </remarks>
public sealed class SlurmSweepSubmitter
{
    private readonly ILogger _logger;
    private readonly SlurmCommands _commands;

    /// <summary>Creates a submitter that runs SLURM's programs from <c>PATH</c>.</summary>
    /// <param name="logger">Receives one line per file written and per job submitted.</param>
    public SlurmSweepSubmitter(ILogger<SlurmSweepSubmitter>? logger = null)
        : this(new SlurmCommands(), logger)
    {
    }

    internal SlurmSweepSubmitter(SlurmCommands commands, ILogger? logger = null)
    {
        _commands = commands;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Writes both scripts into the plan's slurm folder and creates its logs folder.</summary>
    /// <exception cref="ArgumentException">An option is invalid, or a path is not absolute.</exception>
    /// <exception cref="NotSupportedException">The sweep folder's path cannot be written into
    /// #SBATCH lines.</exception>
    public SlurmScripts WriteScripts(SlurmSweepPlan plan, SlurmJobOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        var arrayText = SbatchScript.Array(plan, options);
        var mergeText = SbatchScript.Merge(plan, options);

        Directory.CreateDirectory(Path.Combine(plan.SlurmFolder, "logs"));
        Directory.CreateDirectory(Path.Combine(plan.SlurmFolder, SlurmTaskRecord.FolderName));
        var arrayPath = plan.ArrayScriptPath;
        var mergePath = plan.MergeScriptPath;
        WriteByRename(arrayPath, arrayText);
        WriteByRename(mergePath, mergeText);

        Log.SlurmScriptsWritten(_logger, arrayPath, plan.ShardsToRun.Count, mergePath);
        return new SlurmScripts(arrayPath, mergePath, plan.ShardsToRun.Count);
    }

    /// <summary>Writes the scripts, submits the array and the merge job, and records the submission.</summary>
    /// <exception cref="SlurmException">sbatch is missing or refused (the message names the option),
    /// or an earlier submission of this sweep is still queued or running.</exception>
    public SlurmSubmission Submit(SlurmSweepPlan plan, SlurmJobOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        options.EnsureValid();
        EnsureNothingActive(plan);
        var scripts = WriteScripts(plan, options);

        var arrayJob = Sbatch(scripts.ArrayScript, []);
        long mergeJob;
        try
        {
            var dependency = "--dependency=afterany:" + arrayJob.ToString(CultureInfo.InvariantCulture);
            mergeJob = Sbatch(scripts.MergeScript, [dependency]);
        }
        catch (SlurmException e)
        {
            Log.SlurmMergeRefused(_logger, arrayJob, e.Message);
            throw new SlurmException(
                $"{e.Message} The array job {arrayJob} is queued and runs the shards; once it ends, run "
                + $"`predictivity sweep merge {plan.SweepFolder}` yourself.", e.Option, e);
        }

        var submission = new SlurmSubmission(arrayJob, mergeJob, plan.ShardsToRun.Order().ToArray(),
            plan.ShardCount, plan.Build.Version,
            DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        submission.AppendTo(plan.SlurmFolder);
        Log.SlurmSubmitted(_logger, arrayJob, plan.ShardsToRun.Count, mergeJob);
        return submission;
    }

    /// <summary>The job id in <c>sbatch --parsable</c> output: <c>id</c> or <c>id;cluster</c>.</summary>
    /// <exception cref="SlurmException">The output holds no job id.</exception>
    internal static long ParseJobId(string output)
    {
        var first = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault() ?? "";
        var id = first.Split(';')[0];
        return long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var jobId) && jobId > 0
            ? jobId
            : throw new SlurmException($"sbatch --parsable printed '{output.Trim()}'; expected a job id.");
    }

    private long Sbatch(string script, IReadOnlyList<string> extra)
    {
        string[] arguments = ["--parsable", .. extra, script];
        Log.SlurmCommandStarting(_logger, "sbatch", string.Join(' ', arguments));
        var result = _commands.Run("sbatch", arguments);
        if (result.ExitCode != 0)
        {
            throw SbatchRefusal.ToException(script, result);
        }

        return ParseJobId(result.Output);
    }

    private void EnsureNothingActive(SlurmSweepPlan plan)
    {
        var status = SlurmSweepStatus.Read(plan.SweepFolder, _commands);
        var active = status.Shards
            .Where(s => s.State is SlurmTaskState.Pending or SlurmTaskState.Running)
            .ToArray();
        if (active.Length == 0)
        {
            return;
        }

        var jobs = string.Join(',', active.Select(s => s.Task!.Split('_')[0]).Distinct(StringComparer.Ordinal));
        throw new SlurmException(
            $"{plan.SweepFolder}: {active.Length} task(s) of an earlier submission are still queued or running "
            + $"(job {jobs}); two tasks on one shard would compute its units twice. Wait for them "
            + $"(squeue -j {jobs}) or cancel them (scancel {jobs}), then resubmit.");
    }

    private static void WriteByRename(string path, string text)
    {
        var temporary = path + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        File.WriteAllText(temporary, text);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, File.GetUnixFileMode(temporary) | UnixFileMode.UserExecute);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
