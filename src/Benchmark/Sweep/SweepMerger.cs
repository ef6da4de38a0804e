using Microsoft.Extensions.Logging;

namespace NeuralPredictivity.Benchmark;

/// <summary>Aggregates the finished units of a sweep into <c>sweep.csv</c> and the sweep figures.</summary>
/// <remarks>
/// Reads only the files of the sweep folder (each unit's <c>summary.csv</c>), never refits, and can run
/// at any time, also while shards are still running: it takes whatever has finished and reports the
/// rest. Rows follow plan order, so merging the same finished units always gives the same bytes. A figure
/// with no point to draw (no finished unit, or none with a finite score) is not written, and one left by an
/// earlier merge is removed; the report's notes say which and why.
/// </remarks>
internal static class SweepMerger
{
    internal const string PredictivityVsPrFile = "predictivity_vs_pr.png";
    internal const string PredictivityVsDFile = "predictivity_vs_d.png";

    internal static MergeReport Merge(
        string folderPath, ILogger logger, CancellationToken cancellationToken = default)
    {
        var folder = new SweepFolder(folderPath);
        var plan = folder.ReadPlan();
        var statuses = folder.Status(plan);
        var rows = new List<SummaryRow>();
        foreach (var status in statuses.Where(s => s.State == UnitState.Finished))
        {
            cancellationToken.ThrowIfCancellationRequested();
            rows.Add(ReadUnitRow(folder, status.Unit));
        }

        var csvPath = Path.Combine(folder.Root, SweepFolder.SweepCsvFile);
        var temporary = $"{csvPath}.tmp-{Environment.ProcessId}";
        try
        {
            CsvFiles.Write(temporary, rows);
            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temporary, csvPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        var files = new List<string> { csvPath };
        // The title says when baselines were matched in participation ratio: the figures look like a nominal
        // sweep's otherwise.
        var context = plan.Match == DimensionMatch.ParticipationRatio
            ? $"{plan.Run.Dataset}, PR-matched"
            : plan.Run.Dataset;
        var notes = new List<string>();
        var figures = new (string File, Func<string, bool> Draw)[]
        {
            (PredictivityVsPrFile, path => SweepFigures.PredictivityVsParticipationRatio(path, rows, context)),
            (PredictivityVsDFile, path => SweepFigures.PredictivityVsNominalDimension(path, rows, context)),
        };
        foreach (var (file, draw) in figures)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = Path.Combine(folder.Root, file);
            if (draw(path))
            {
                files.Add(path);
                continue;
            }

            // A figure left from an earlier merge would show units that sweep.csv no longer holds.
            File.Delete(path);
            notes.Add(rows.Count == 0
                ? $"no figure {file}: no unit has finished yet"
                : $"no figure {file}: none of the {rows.Count} finished units has a point to plot " +
                  "(a finite score and x)");
        }

        // A PR-matched unit whose family could not reach the target stands at another PR than its family's
        // other seeds; the figures place it at the PR it has, and the table flags it.
        var matched = rows.Count(r => r.MatchTargetPr is not null);
        var missed = rows.Where(r => r.MatchWithinTolerance == false).Select(r => r.Unit!).ToList();
        if (missed.Count > 0)
        {
            notes.Add($"{missed.Count} of {matched} participation-ratio-matched units could not reach their " +
                "target within 1 % and use the closest map (match_within_tolerance = False in sweep.csv): " +
                string.Join(", ", missed.Take(8)) + (missed.Count > 8 ? $", … ({missed.Count - 8} more)" : ""));
        }

        var notFinished = statuses.Where(s => s.State != UnitState.Finished).ToList();
        Log.Merged(logger, rows.Count, statuses.Count, csvPath);
        if (notFinished.Count > 0)
        {
            Log.MergeMissing(logger, notFinished.Count, string.Join(", ", notFinished.Select(s => s.Unit.Id)));
        }

        return new MergeReport(folder.Root, statuses.Count, rows.Count, notFinished, files) { Notes = notes };
    }

    private static SummaryRow ReadUnitRow(SweepFolder folder, SweepUnit unit)
    {
        var path = Path.Combine(folder.UnitPath(unit), ResultsWriter.SummaryCsvFile);
        var rows = CsvFiles.Read<SummaryRow>(path);
        if (rows.Count != 1)
        {
            throw new InvalidDataException($"{path}: expected exactly one summary row, found {rows.Count}.");
        }

        var row = rows[0];
        row.Unit = unit.Id;
        row.Family = unit.Family;
        row.NominalD = unit.Dimension;
        row.UnitSeed = unit.Seed;
        return row;
    }
}
