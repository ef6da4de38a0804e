using System.Text.Json;
using System.Text.Json.Nodes;

namespace NeuralPredictivity.Benchmark;

/// <summary>The on-disk layout of a sweep, shared by every shard, rerun and merge.</summary>
/// <remarks>
/// <code>
/// &lt;sweep&gt;/
///   sweep.json                    the plan (SweepPlan, normalised): families, dims, seeds, match and the
///                                 protocol of every unit. Written once by the first process; every later
///                                 run, shard or merge reads it and refuses a different plan.
///   units/&lt;unit-id&gt;/              one finished unit: a complete run results folder (manifest.json,
///                                 summary.json, summary.csv, neurons.csv). It appears by one atomic
///                                 rename, so it exists if and only if the unit finished.
///   units/.&lt;unit-id&gt;.tmp-&lt;pid&gt;-&lt;nonce&gt;@&lt;host&gt;/
///                                 a unit in progress; deleted on failure, and on the next run on the same
///                                 host once the process is gone (kill -9).
///   failed/&lt;unit-id&gt;.txt          the error of the last failed attempt; removed when the unit finishes.
///   sweep.csv                     written by merge: one row per finished unit (SummaryRow), plan order.
///   predictivity_vs_pr.png, predictivity_vs_d.png   written by merge.
/// </code>
/// A unit id is <c>&lt;family-slug&gt;__d&lt;d&gt;__s&lt;seed&gt;</c> (see <see cref="SweepUnit.Id"/>). Because a
/// unit is done exactly when its folder exists, rerunning skips it, a killed unit is simply run again,
/// and no unit can be counted twice. A job scheduler needs only this layout, <c>--shard i/n</c> and
/// <c>predictivity sweep merge</c>.
/// </remarks>
internal sealed class SweepFolder
{
    internal const string PlanFile = "sweep.json";
    internal const string UnitsFolderName = "units";
    internal const string FailedFolderName = "failed";
    internal const string SweepCsvFile = "sweep.csv";

    internal SweepFolder(string root)
    {
        Root = Path.GetFullPath(root);
    }

    internal string Root { get; }

    internal string PlanPath => Path.Combine(Root, PlanFile);

    internal string UnitsPath => Path.Combine(Root, UnitsFolderName);

    internal string FailedPath => Path.Combine(Root, FailedFolderName);

    internal string UnitPath(SweepUnit unit) => Path.Combine(UnitsPath, unit.Id);

    internal string FailurePath(SweepUnit unit) => Path.Combine(FailedPath, unit.Id + ".txt");

    internal bool IsFinished(SweepUnit unit) => Directory.Exists(UnitPath(unit));

    /// <summary>Reads <c>sweep.json</c>.</summary>
    /// <exception cref="FileNotFoundException">The folder is not a sweep folder.</exception>
    internal SweepPlan ReadPlan()
    {
        if (!File.Exists(PlanPath))
        {
            throw new FileNotFoundException(
                $"{Root}: not a sweep folder (no {PlanFile}); give the --out folder of a `predictivity sweep`.",
                PlanPath);
        }

        try
        {
            return ResultsJson.Read<SweepPlan>(PlanPath);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{PlanPath}: not a valid sweep plan: {e.Message}", e);
        }
    }

    /// <summary>Writes the plan when the folder is new; otherwise checks it equals the stored one.</summary>
    /// <exception cref="InvalidSettingsException">The stored plan differs; lists each difference.</exception>
    internal void EnsurePlan(SweepPlan plan)
    {
        Directory.CreateDirectory(UnitsPath);
        var normalised = plan.Normalised();
        if (!File.Exists(PlanPath))
        {
            var temporary = $"{PlanPath}.tmp-{Environment.ProcessId}";
            ResultsJson.Write(temporary, normalised);
            try
            {
                File.Move(temporary, PlanPath, overwrite: false);
                return;
            }
            catch (IOException) when (File.Exists(PlanPath))
            {
                // Another shard wrote the plan first; compare with it below.
                File.Delete(temporary);
            }
        }

        var stored = JsonSerializer.SerializeToNode(ReadPlan(), ResultsJson.Options)!;
        var given = JsonSerializer.SerializeToNode(normalised, ResultsJson.Options)!;
        var differences = new List<SettingsProblem>();
        Compare(stored, given, "", differences);
        if (differences.Count > 0)
        {
            throw new InvalidSettingsException(differences);
        }
    }

    /// <summary>The state of every unit of the plan, in plan order.</summary>
    internal IReadOnlyList<UnitStatus> Status(SweepPlan plan)
    {
        var workFolders = Directory.Exists(UnitsPath)
            ? Directory.EnumerateDirectories(UnitsPath).Select(Path.GetFileName).OfType<string>()
                .Where(AtomicFolder.IsWorkFolderName).ToList()
            : [];
        var result = new List<UnitStatus>();
        foreach (var unit in plan.Units())
        {
            if (IsFinished(unit))
            {
                result.Add(new UnitStatus(unit, UnitState.Finished, ""));
                continue;
            }

            var work = workFolders.FirstOrDefault(w => w.StartsWith($".{unit.Id}.tmp-", StringComparison.Ordinal));
            if (work is not null)
            {
                result.Add(new UnitStatus(unit, UnitState.InProgress, work));
            }
            else if (File.Exists(FailurePath(unit)))
            {
                var firstLine = File.ReadLines(FailurePath(unit)).FirstOrDefault() ?? "";
                result.Add(new UnitStatus(unit, UnitState.Failed, firstLine));
            }
            else
            {
                result.Add(new UnitStatus(unit, UnitState.Missing, ""));
            }
        }

        return result;
    }

    internal void RecordFailure(SweepUnit unit, Exception error)
    {
        Directory.CreateDirectory(FailedPath);
        var path = FailurePath(unit);
        var temporary = $"{path}.tmp-{Environment.ProcessId}";
        File.WriteAllText(temporary, $"{error.GetType().Name}: {error.Message}\n\n{error}\n");
        File.Move(temporary, path, overwrite: true);
    }

    internal void ClearFailure(SweepUnit unit)
    {
        if (File.Exists(FailurePath(unit)))
        {
            File.Delete(FailurePath(unit));
        }
    }

    private static void Compare(JsonNode? stored, JsonNode? given, string path, List<SettingsProblem> differences)
    {
        if (stored is JsonObject storedObject && given is JsonObject givenObject)
        {
            foreach (var name in storedObject.Select(p => p.Key).Union(givenObject.Select(p => p.Key)))
            {
                Compare(storedObject[name], givenObject[name], path.Length == 0 ? name : $"{path}.{name}", differences);
            }

            return;
        }

        if (!JsonNode.DeepEquals(stored, given))
        {
            differences.Add(new SettingsProblem(
                OptionOf(path),
                $"{Text(stored)} as stored in this sweep folder's {PlanFile} (rerun with the same options, " +
                "or give a new --out to start another sweep)",
                Text(given)));
        }
    }

    /// <summary>The command-line option behind a field of <c>sweep.json</c>, so a mismatch names what the user
    /// typed (<c>--dims</c>, not <c>dimensions</c>); a field no option sets keeps its path.</summary>
    private static string OptionOf(string path) => path switch
    {
        "families" => "--families",
        "dimensions" => "--dims",
        "seeds" => "--seeds",
        "match" => "--match",
        "run.dataset" => "--dataset",
        "run.protocol" or "run.protocol_overrides" => "--protocol",
        "run.regression" => "--regression",
        "run.alphas" => "--alphas",
        "run.alpha" => "--alpha",
        "run.pls_components" => "--pls-components",
        "run.standardize_features" => "--standardize",
        "run.folds" => "--folds",
        "run.fold_count" => "--fold-count",
        "run.train_fraction" => "--train-fraction",
        "run.splits" => "--splits",
        "run.block_size_cm" => "--block-size",
        "run.buffer_bins" => "--buffer-bins",
        "run.trajectory" => "--trajectory",
        "run.trajectory_batches" => "--trajectory-batches",
        "run.bin_size_cm" => "--bin-size",
        "run.min_speed_cm_per_second" => "--min-speed",
        "run.smooth_sigma_bins" => "--smooth",
        "run.reliability_block_seconds" => "--reliability-block",
        "run.reliability_draws" => "--reliability-draws",
        "run.bootstrap_samples" => "--bootstrap",
        _ => path,
    };

    private static string Text(JsonNode? node) => node?.ToJsonString() ?? "(absent)";
}
