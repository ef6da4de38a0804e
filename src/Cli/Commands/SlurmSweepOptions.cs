using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Microsoft.Extensions.Logging;
using NeuralPredictivity.Benchmark;
using NeuralPredictivity.Benchmark.Cluster;

namespace NeuralPredictivity.Cli.Commands;

/// <summary>The <c>--slurm</c> options of <c>predictivity sweep</c>, and the submission they trigger.</summary>
/// <remarks>
/// With <c>--slurm</c> the sweep is not run here: its scripts are written to <c>DIR/slurm</c> and
/// submitted with sbatch as a job array (one task per shard) and a merge job that waits for it.
/// Exit codes: 0 submitted (or written, with <c>--dry-run</c>), or nothing left to run;
/// 1 sbatch is missing or refused; 2 invalid options.
/// </remarks>
internal sealed class SlurmSweepOptions
{
    internal Option<bool> Slurm { get; } = new("--slurm")
    {
        Description = "Submit the sweep to SLURM instead of running it here: a job array (one task per shard, " +
            "only shards with missing units) and a merge job that runs when the array ends.",
    };

    internal Option<string> Partition { get; } = new("--partition")
    {
        Description = "With --slurm: partition to run in. [default: the cluster's default partition]",
    };

    internal Option<string> Time { get; } = new("--time")
    {
        Description = "With --slurm: time limit per task, such as 90 (minutes), 4:00:00 or 1-00:00:00. " +
            "[default: the partition's]",
    };

    internal Option<string> CpusPerTask { get; } = new("--cpus-per-task")
    {
        Description = "With --slurm: cores per task; each task computes with that many threads. [default: 1]",
    };

    internal Option<string> Memory { get; } = new("--mem")
    {
        Description = "With --slurm: memory per task, such as 8G. [default: the partition's]",
    };

    internal Option<string> ArrayParallelism { get; } = new("--array-parallelism")
    {
        Description = "With --slurm: most tasks running at once. [default: no limit]",
    };

    internal Option<string> Shards { get; } = new("--shards")
    {
        Description = "With --slurm: number of shards, one array task each. [default: the previous " +
            "submission's, else one per unit, at most 1000]",
    };

    internal Option<bool> DryRun { get; } = new("--dry-run")
    {
        Description = "With --slurm: write the sbatch scripts to DIR/slurm without submitting them.",
    };

    private IEnumerable<Option> All => [Slurm, Partition, Time, CpusPerTask, Memory, ArrayParallelism, Shards, DryRun];

    internal void AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The SLURM options when <c>--slurm</c> is given, else null; problems are added to the list.</summary>
    internal SlurmJobOptions? Read(ParseResult parse, List<SettingsProblem> problems)
    {
        if (!parse.GetValue(Slurm))
        {
            foreach (var option in All.Skip(1).Where(o => Given(parse, o)))
            {
                problems.Add(new SettingsProblem(option.Name, "--slurm alongside it (it only shapes a submission)",
                    $"{option.Name} without --slurm"));
            }

            return null;
        }

        foreach (var name in new[] { "--shard", "--threads" }.Where(n => Given(parse, n)))
        {
            problems.Add(new SettingsProblem(name, name == "--shard"
                ? "no --shard with --slurm (each array task runs its own shard)"
                : "no --threads with --slurm (each task uses the cores SLURM granted; set --cpus-per-task)",
                $"{name} alongside --slurm"));
        }

        var options = new SlurmJobOptions
        {
            Partition = parse.GetValue(Partition),
            TimeLimit = parse.GetValue(Time),
            CpusPerTask = Integer(parse, CpusPerTask, problems),
            Memory = parse.GetValue(Memory),
            ArrayParallelism = Integer(parse, ArrayParallelism, problems),
            Shards = Integer(parse, Shards, problems),
        };
        problems.AddRange(options.Validate().Where(p => problems.All(q => q.Option != p.Option)));
        return options;
    }

    /// <summary>Plans, writes and (unless <c>--dry-run</c>) submits the sweep; returns the exit code.</summary>
    internal int Submit(ParseResult parse, SweepPlan sweep, string folder, SlurmJobOptions options)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var dryRun = parse.GetValue(DryRun);
        using var loggers = Terminal.CliLogging.Create(CommonOptions.MinimumLevel(parse));
        try
        {
            var plan = ClusterSweep.Plan(sweep, folder, options, SweepArguments(parse),
                SlurmSweepPlan.CurrentLauncher(), ToolkitBuild.FromDirectory(AppContext.BaseDirectory),
                writePlanFile: !dryRun);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Sweep {plan.SweepFolder}: {plan.UnitCount} units, {plan.FinishedUnitCount} finished; " +
                $"{plan.ShardsToRun.Count} of {plan.ShardCount} shards have units to run."));
            if (plan.ShardsToRun.Count == 0)
            {
                output.WriteLine($"Nothing to submit. Aggregate with: predictivity sweep merge {plan.SweepFolder}");
                return 0;
            }

            var submitter = new SlurmSweepSubmitter(loggers.CreateLogger<SlurmSweepSubmitter>());
            if (dryRun)
            {
                var scripts = submitter.WriteScripts(plan, options);
                output.WriteLine(
                    $"Wrote {scripts.ArrayScript} ({scripts.TaskCount} array tasks) and {scripts.MergeScript}.");
                output.WriteLine($"Submit them with:  id=$(sbatch --parsable {scripts.ArrayScript}) && " +
                    $"sbatch --dependency=afterany:$id {scripts.MergeScript}");
                return 0;
            }

            var submission = submitter.Submit(plan, options);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Submitted array job {submission.ArrayJobId} ({submission.Shards.Count} tasks, script " +
                $"{plan.ArrayScriptPath}) and merge job {submission.MergeJobId}, " +
                $"which runs when the array has ended."));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Follow it:  squeue -j {submission.ArrayJobId},{submission.MergeJobId}   or   " +
                $"predictivity sweep status {plan.SweepFolder}   (task logs in {plan.SlurmFolder}/logs)"));
            return 0;
        }
        catch (InvalidSettingsException e)
        {
            return RunCommand.ReportProblems(error, "sweep", e.Problems);
        }
        catch (SlurmException e)
        {
            error.WriteLine($"predictivity sweep --slurm: {e.Message}");
            return RunCommand.Failed;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException
            or NotSupportedException)
        {
            error.WriteLine($"predictivity sweep --slurm: {e.Message}");
            return RunCommand.Failed;
        }
    }

    /// <summary>The sweep options the user gave, for the tasks' command line: without the SLURM options,
    /// --out, --shard and --threads, and with every value that names an existing file or folder made
    /// absolute (tasks start in the sweep folder, on another machine).</summary>
    internal IReadOnlyList<string> SweepArguments(ParseResult parse)
    {
        var excluded = All.Select(o => o.Name).Concat(["--out", "--shard", "--threads"]).ToHashSet();
        var arguments = new List<string>();
        foreach (var result in parse.CommandResult.Children.OfType<OptionResult>())
        {
            if (result.Implicit || excluded.Contains(result.Option.Name))
            {
                continue;
            }

            arguments.Add(result.Option.Name);
            arguments.AddRange(result.Tokens.Select(token => Absolute(token.Value)));
        }

        return arguments;
    }

    private static string Absolute(string value) => string.Join(',', value.Split(',').Select(part =>
        part.Length > 0 && (File.Exists(part) || Directory.Exists(part)) ? Path.GetFullPath(part) : part));

    private static bool Given(ParseResult parse, Option option) => Given(parse, option.Name);

    private static bool Given(ParseResult parse, string name) => parse.CommandResult.Children
        .OfType<OptionResult>().Any(o => !o.Implicit && o.Option.Name == name);

    private static int? Integer(ParseResult parse, Option<string> option, List<SettingsProblem> problems)
    {
        var text = parse.GetValue(option);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        problems.Add(new SettingsProblem(option.Name, "a whole number", $"'{text}'"));
        return null;
    }
}
