using System.Globalization;
using System.Text;

namespace NeuralPredictivity.Benchmark.Cluster;

/// <summary>Writes the text of a sweep's two sbatch scripts: the job array and the merge job.</summary>
/// <remarks>
/// <para>
/// The array script runs one shard per task. Its shard count is written into the script rather
/// than read from <c>SLURM_ARRAY_TASK_COUNT</c>: a resubmission submits only the shards that still
/// have missing units, and the task count of such an array is smaller than the shard count, which
/// would silently change the assignment of units to shards.
/// </para>
/// <para>
/// Each task first checks that the node sees the same toolkit build (see <see cref="ToolkitBuild"/>),
/// then runs with <c>min(SLURM_CPUS_PER_TASK, SLURM_CPUS_ON_NODE, nproc)</c> compute threads, and
/// keeps a one-line record per shard in <c>slurm/tasks/shard-i.state</c>: running, completed,
/// failed (with the exit code) or cancelled (SIGTERM from scancel, a time limit or preemption).
/// A task killed without warning (SIGKILL, a lost node) leaves its record at running.
/// </para>
/// <para>
/// Limitation: the sweep folder's absolute path must not contain a double quote, a backslash or a
/// line break, since sbatch's <c>#SBATCH</c> lines cannot quote them; choose another folder.
/// </para>
/// </remarks>
internal static class SbatchScript
{
    /// <summary>Name of the array script inside the plan's slurm folder.</summary>
    internal const string ArrayFileName = "sweep.sbatch";

    /// <summary>Name of the merge script inside the plan's slurm folder.</summary>
    internal const string MergeFileName = "merge.sbatch";

    /// <summary>Exit code of <c>predictivity sweep merge</c> when it merged but some units are not
    /// finished; the merge job still completed its work.</summary>
    internal const int MergePartialExitCode = 3;

    /// <summary>Exit code of a task whose node runs another build than the one submitted.</summary>
    internal const int BuildMismatchExitCode = 3;

    /// <summary>The array script: one task per shard in <see cref="SlurmSweepPlan.ShardsToRun"/>.</summary>
    internal static string Array(SlurmSweepPlan plan, SlurmJobOptions options)
    {
        EnsureScriptable(plan);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            #!/bin/bash
            # Job array of a predictivity sweep: task i runs --shard i/{plan.ShardCount}.
            # Written by predictivity {plan.Build.Version}. To resume, rerun the same
            # `predictivity sweep ... --slurm` command: it submits only shards with missing units.
            #SBATCH --job-name={plan.JobName}
            #SBATCH --array={ArraySpec(plan.ShardsToRun, options.ArrayParallelism)}

            """);
        AppendResourceDirectives(text, options, options.CpusPerTask);
        text.Append($"""
            #SBATCH --output="{EscapePercent(Path.Combine(plan.SlurmFolder, "logs"))}/sweep-%A_%a.out"
            #SBATCH --chdir="{plan.SweepFolder}"
            set -u

            """);
        var sweepCommand = Command([.. plan.Launcher, "sweep", .. plan.SweepOptions]);
        text.Append(CultureInfo.InvariantCulture, $$"""

            sweep_dir={{Quote(plan.SweepFolder)}}
            shard_count={{plan.ShardCount}}
            shard="${SLURM_ARRAY_TASK_ID:?submit this script with sbatch: SLURM_ARRAY_TASK_ID is not set}"
            task="${SLURM_ARRAY_JOB_ID:-0}_$shard"
            record="$sweep_dir/slurm/tasks/shard-$shard.state"
            {{RecordWriter}}

            # scancel, a time limit or preemption sends SIGTERM; the unit in progress is never
            # renamed into place, so resubmitting runs it again.
            child=""
            on_term() {
                if [ -n "$child" ]; then
                    kill -TERM "$child" 2>/dev/null
                    wait "$child"
                fi
                write_record cancelled SIGTERM
                exit 143
            }
            trap on_term TERM

            if [ "$shard" -lt 1 ] || [ "$shard" -gt "$shard_count" ]; then
                echo "predictivity sweep: array task $shard is not one of the shards 1..$shard_count of this sweep" >&2
                exit 2
            fi

            """);
        AppendBuildCheck(text, plan);
        text.Append(CultureInfo.InvariantCulture, $$"""

            # Compute threads: what SLURM granted this task, and never more than the node's cores.
            threads="${SLURM_CPUS_PER_TASK:-1}"
            if [ -n "${SLURM_CPUS_ON_NODE:-}" ] && [ "$SLURM_CPUS_ON_NODE" -lt "$threads" ]; then
                threads="$SLURM_CPUS_ON_NODE"
            fi
            cores="$(nproc)"
            if [ "$cores" -lt "$threads" ]; then
                threads="$cores"
            fi
            export OMP_NUM_THREADS="$threads" MKL_NUM_THREADS="$threads"

            write_record running "threads $threads"
            {{sweepCommand}} \
                --out "$sweep_dir" --shard "$shard/$shard_count" --threads "$threads" &
            child=$!
            wait "$child"
            status=$?
            if [ "$status" -eq 0 ]; then
                write_record completed "exit 0"
            else
                write_record failed "exit $status"
            fi
            exit "$status"

            """);
        return text.ToString();
    }

    /// <summary>The merge script, submitted with <c>--dependency=afterany:&lt;array job&gt;</c>.</summary>
    internal static string Merge(SlurmSweepPlan plan, SlurmJobOptions options)
    {
        EnsureScriptable(plan);
        var text = new StringBuilder();
        text.Append($"""
            #!/bin/bash
            # Merge job of a predictivity sweep: runs once every array task has ended, however it
            # ended, and writes sweep.csv and the figures from the finished units, listing any
            # missing unit. Written by predictivity {plan.Build.Version}.
            #SBATCH --job-name={plan.JobName}-merge

            """);
        AppendResourceDirectives(text, options, cpusPerTask: 1);
        text.Append($"""
            #SBATCH --output="{EscapePercent(Path.Combine(plan.SlurmFolder, "logs"))}/merge-%j.out"
            #SBATCH --chdir="{plan.SweepFolder}"
            set -u

            """);
        var mergeCommand = Command([.. plan.Launcher, "sweep", "merge"]);
        text.Append($$"""

            sweep_dir={{Quote(plan.SweepFolder)}}
            task="${SLURM_JOB_ID:-0}"
            record="$sweep_dir/slurm/tasks/merge.state"
            {{RecordWriter}}
            trap 'write_record cancelled SIGTERM; exit 143' TERM

            """);
        AppendBuildCheck(text, plan);
        text.Append($$"""

            write_record running merge
            {{mergeCommand}} "$sweep_dir"
            status=$?
            if [ "$status" -eq 0 ]; then
                write_record completed "exit 0"
            elif [ "$status" -eq {{MergePartialExitCode}} ]; then
                write_record completed "exit {{MergePartialExitCode}}: merged, some units not finished"
            else
                write_record failed "exit $status"
            fi
            exit "$status"

            """);
        return text.ToString();
    }

    /// <summary>The <c>--array</c> value: ascending indices folded into ranges, then <c>%K</c>.</summary>
    /// <example><c>[0, 1, 2, 5, 7, 8]</c> with parallelism 2 gives <c>0-2,5,7-8%2</c>.</example>
    internal static string ArraySpec(IReadOnlyList<int> shards, int? parallelism)
    {
        var spec = SlurmArrayIndices.Compress(shards);
        return parallelism is { } k ? $"{spec}%{Invariant(k)}" : spec;
    }

    /// <summary>Quotes one word for bash: single quotes, with embedded ones written <c>'\''</c>.</summary>
    internal static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "/._-+=:,@%".Contains(c))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static void AppendResourceDirectives(StringBuilder text, SlurmJobOptions options, int? cpusPerTask)
    {
        text.Append("#SBATCH --nodes=1\n#SBATCH --ntasks=1\n");
        if (options.Partition is not null)
        {
            text.Append($"#SBATCH --partition={options.Partition}\n");
        }

        if (options.TimeLimit is not null)
        {
            text.Append($"#SBATCH --time={options.TimeLimit}\n");
        }

        if (cpusPerTask is { } cpus)
        {
            text.Append(CultureInfo.InvariantCulture, $"#SBATCH --cpus-per-task={cpus}\n");
        }

        if (options.Memory is not null)
        {
            text.Append($"#SBATCH --mem={options.Memory}\n");
        }
    }

    private static void AppendBuildCheck(StringBuilder text, SlurmSweepPlan plan)
    {
        var build = plan.Build;
        text.Append($$"""
            # A node must run the build the sweep was submitted with: same assemblies, same SHA-256.
            toolkit_version={{Quote(build.Version)}}
            toolkit_dir={{Quote(build.Directory)}}
            toolkit_files=({{string.Join(' ', build.Files.Select(Quote))}})
            toolkit_fingerprint={{build.Fingerprint}}
            found="$(cd "$toolkit_dir" 2>/dev/null && cat -- "${toolkit_files[@]}" 2>/dev/null | sha256sum)"
            found="${found%% *}"
            if [ "$found" != "$toolkit_fingerprint" ]; then
                echo "predictivity sweep: $(hostname -s) does not have the build this sweep was submitted with" \
                    "(predictivity $toolkit_version in $toolkit_dir, SHA-256 $toolkit_fingerprint;" \
                    "found ${found:-no readable assemblies}). Rebuild that version there, or resubmit" \
                    "with the current build." >&2
                write_record failed build-mismatch
                exit {{BuildMismatchExitCode}}
            fi

            """);
    }

    private const string RecordWriter = """
        # One line per task: task, state, detail, node, UTC time; replaced by rename, never torn.
        write_record() {
            mkdir -p "${record%/*}"
            printf '%s\t%s\t%s\t%s\t%s\n' "$task" "$1" "$2" "$(hostname -s)" \
                "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >"$record.tmp.$$" && mv -f "$record.tmp.$$" "$record"
        }
        """;

    private static string Command(IEnumerable<string> words) => string.Join(' ', words.Select(Quote));

    // In sbatch's --output, %A, %a and %j are patterns; a literal percent sign is written \%.
    private static string EscapePercent(string path) => path.Replace("%", "\\%", StringComparison.Ordinal);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void EnsureScriptable(SlurmSweepPlan plan)
    {
        foreach (var path in new[] { plan.SweepFolder, plan.Build.Directory }.Concat(plan.Launcher))
        {
            if (!Path.IsPathFullyQualified(path))
            {
                throw new ArgumentException(
                    $"{path}: expected an absolute path (a task starts on another node, in another folder).",
                    nameof(plan));
            }
        }

        if (plan.SweepFolder.IndexOfAny(['"', '\\', '\n', '\r']) >= 0)
        {
            throw new NotSupportedException(
                $"{plan.SweepFolder}: a sweep folder for SLURM must not contain a double quote, a backslash or "
                + "a line break, since sbatch's #SBATCH lines cannot quote them; choose another --out folder.");
        }

        if (plan.ShardsToRun.Count == 0 || plan.ShardsToRun.Any(s => s < 1 || s > plan.ShardCount))
        {
            throw new ArgumentException(
                $"Shards to run must be one or more of 1..{plan.ShardCount}; "
                + $"found [{string.Join(',', plan.ShardsToRun)}].",
                nameof(plan));
        }
    }
}
