using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using NeuralPredictivity.Benchmark;
using NeuralPredictivity.Cli.Terminal;
using TerminalLogging = NeuralPredictivity.Cli.Terminal.CliLogging;

namespace NeuralPredictivity.Cli.Commands;

/// <summary><c>predictivity sweep</c>: every (family, d, seed) as a resumable, shardable unit of work.</summary>
/// <remarks>
/// Exit codes: 0 every unit of this shard finished; 1 some unit failed (see <c>failed/</c> and
/// <c>predictivity sweep status</c>); 2 invalid options; 130 cancelled (143 after SIGTERM). Run without
/// <c>--shard</c>, the sweep merges itself at the end; with shards, run <c>predictivity sweep merge DIR</c> after
/// the last.
/// </remarks>
internal static class SweepCommand
{
    internal const string DefaultDims = "2,4,8,16,32,64,128,256";
    internal const string DefaultSeeds = "0,1,2";

    internal static Command Create()
    {
        var options = new RunCommandOptions();
        var families = new Option<string>("--families", "-f")
        {
            Description = "Families, comma-separated: trained (the bundled checkpoint's PCA truncations), untrained, " +
                "or baseline families such as random-fourier, random-relu, place-cells, grid-cells, " +
                $"shuffled:random-fourier; parameters allowed, d and seed not. [default: {SweepFamilies.DefaultText}]",
        };
        var dims = new Option<string>("--dims") { Description = $"Nominal dimensions d. [default: {DefaultDims}]" };
        var seeds = new Option<string>("--seeds")
        {
            Description = $"Seeds; each unit's run uses its seed. [default: {DefaultSeeds}]",
        };
        var match = new Option<string>("--match")
        {
            Description = "nominal: d feature columns; pr: baselines matched to the participation ratio of the " +
                "trained model truncated to d components. [default: nominal]",
        };
        var shard = new Option<string>("--shard")
        {
            Description = "Run only shard i of n (1 ≤ i ≤ n; units dealt round-robin in plan order), e.g. " +
                "--shard $SLURM_ARRAY_TASK_ID/8 for a 1-based array. [default: 1/1, the whole sweep]",
        };
        var checkpoints = new Option<string>("--checkpoints")
        {
            Description = "Extra trained checkpoints, comma-separated; each adds a trained family. [default: none]",
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "Sweep folder; rerunning with it resumes. [default: results/sweep-<dataset>]",
        };

        var command = new Command(
            "sweep",
            "Run every (family, d, seed) with one protocol, each unit written atomically under the sweep folder " +
            "(rerun to resume; --shard i/n for job arrays), then aggregate into sweep.csv and figures of normalised " +
            "predictivity against participation ratio and nominal d.");
        command.Options.Add(families);
        command.Options.Add(dims);
        command.Options.Add(seeds);
        command.Options.Add(match);
        command.Options.Add(checkpoints);
        options.AddTo(command, singleRun: false);
        command.Options.Add(shard);
        command.Options.Add(output);
        var slurm = new SlurmSweepOptions();
        slurm.AddTo(command);
        command.Subcommands.Add(SweepCommandMerge.Create());
        command.Subcommands.Add(SweepCommandStatus.Create());
        command.SetAction((parse, cancellation) => Task.FromResult(Run(parse, cancellation, new SweepInputs(
            options, families, dims, seeds, match, checkpoints, shard, output, slurm))));
        return command;
    }

    private sealed record SweepInputs(RunCommandOptions Run, Option<string> Families, Option<string> Dims,
        Option<string> Seeds, Option<string> Match, Option<string> Checkpoints, Option<string> Shard,
        Option<string> Out, SlurmSweepOptions Slurm);

    private static int Run(ParseResult parse, CancellationToken cancellation, SweepInputs inputs)
    {
        var error = parse.InvocationConfiguration.Error;
        var output = parse.InvocationConfiguration.Output;
        var problems = new List<SettingsProblem>();
        var run = inputs.Run.Read(parse, problems);
        var shard = ShardSpec.All;
        if (parse.GetValue(inputs.Shard) is { } shardText)
        {
            shard = ShardSpec.TryParse(shardText, out var shardProblem) ?? ShardSpec.All;
            if (shardProblem is not null)
            {
                problems.Add(shardProblem);
            }
        }

        var plan = new SweepPlan
        {
            Families = SweepFamilies.Resolve(parse.GetValue(inputs.Families), parse.GetValue(inputs.Checkpoints)),
            Dimensions = Integers(parse.GetValue(inputs.Dims) ?? DefaultDims, "--dims", problems),
            Seeds = Integers(parse.GetValue(inputs.Seeds) ?? DefaultSeeds, "--seeds", problems),
            Match = MatchMode(parse.GetValue(inputs.Match), problems),
            Run = run,
        };
        problems.AddRange(plan.Validate().Where(p => problems.All(q => q.Option != p.Option)));
        var slurm = inputs.Slurm.Read(parse, problems);
        if (problems.Count > 0)
        {
            return RunCommand.ReportProblems(error, "sweep", problems);
        }

        var folder = Path.GetFullPath(
            parse.GetValue(inputs.Out) ?? Path.Combine("results", "sweep-" + Slug(run.Dataset)));
        if (PredictivitySweep.FolderProblem(folder) is { } folderProblem)
        {
            return RunCommand.ReportProblems(error, "sweep", [folderProblem]);
        }

        if (slurm is not null)
        {
            return inputs.Slurm.Submit(parse, plan, folder, slurm);
        }

        using var loggers = TerminalLogging.Create(CommonOptions.MinimumLevel(parse));
        var logger = loggers.CreateLogger("predictivity.sweep");
        try
        {
            var quiet = CommonOptions.MinimumLevel(parse) > LogLevel.Information;
            var report = PredictivitySweep.Run(plan, folder, shard, loggers,
                quiet ? null : new PhaseProgress<SweepProgress>(error, p => p.IsLast, TimeSpan.Zero),
                quiet ? null : new PhaseProgress<RunProgress>(error, p => p.IsLast, TimeSpan.FromSeconds(5)),
                cancellation);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Shard {report.Shard}: {report.Owned} units, {report.Ran} run now, {report.Skipped} already " +
                $"finished, {report.Failed.Count} failed. Folder: {report.Folder}"));
            foreach (var failed in report.Failed)
            {
                output.WriteLine($"  failed  {failed.Unit.Id}: {failed.Detail}");
            }

            if (shard.Count == 1)
            {
                SweepCommandMerge.Print(output, PredictivitySweep.Merge(folder, loggers, cancellation));
            }
            else
            {
                output.WriteLine($"When every shard has finished: predictivity sweep merge {folder}");
            }

            return report.Failed.Count == 0 ? 0 : RunCommand.Failed;
        }
        catch (InvalidSettingsException e)
        {
            return RunCommand.ReportProblems(error, "sweep", e.Problems);
        }
        catch (OperationCanceledException)
        {
            error.WriteLine(
                "predictivity sweep: cancelled; finished units are kept, rerun the same command to resume.");
            return RunCommand.Cancelled;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            logger.LogError("{Message}", e.Message);
            error.WriteLine($"predictivity sweep: failed: {e.Message}");
            return RunCommand.Failed;
        }
    }

    private static List<int> Integers(string text, string option, List<SettingsProblem> problems)
    {
        var values = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                values.Add(value);
            }
            else
            {
                problems.Add(new SettingsProblem(option, "comma-separated whole numbers such as 4,8,16", $"'{part}'"));
            }
        }

        return values;
    }

    private static DimensionMatch MatchMode(string? text, List<SettingsProblem> problems)
    {
        switch (text?.ToLowerInvariant())
        {
            case null or "nominal":
                return DimensionMatch.Nominal;
            case "pr":
                return DimensionMatch.ParticipationRatio;
            default:
                problems.Add(new SettingsProblem("--match", "nominal or pr", $"'{text}'"));
                return DimensionMatch.Nominal;
        }
    }

    private static string Slug(string text) =>
        string.Concat(Path.GetFileNameWithoutExtension(text)
            .Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '-'));
}
