using Microsoft.Extensions.Logging;

namespace NeuralPredictivity.Benchmark;

/// <summary>Aggregates the finished units of a sweep into <c>sweep.csv</c> and the sweep figures.</summary>
/// <remarks>
/// Reads only the files of the sweep folder (each unit's <c>summary.csv</c>), never refits, and can run
/// at any time, also while shards are still running: it takes whatever has finished and reports the
/// rest. Rows follow plan order, so merging the same finished units always gives the same bytes.
/// </remarks>
internal static class SweepMerger
{
    internal const string PredictivityVsPrFile = "predictivity_vs_pr.png";
    internal const string PredictivityVsDFile = "predictivity_vs_d.png";

    internal static MergeReport Merge(string folderPath, ILogger logger)
    {
        var folder = new SweepFolder(folderPath);
        var plan = folder.ReadPlan();
        var statuses = folder.Status(plan);
        var rows = new List<SummaryRow>();
        foreach (var status in statuses.Where(s => s.State == UnitState.Finished))
        {
            rows.Add(ReadUnitRow(folder, status.Unit));
        }

        var csvPath = Path.Combine(folder.Root, SweepFolder.SweepCsvFile);
        var temporary = $"{csvPath}.tmp-{Environment.ProcessId}";
        CsvFiles.Write(temporary, rows);
        File.Move(temporary, csvPath, overwrite: true);

        var prFigure = Path.Combine(folder.Root, PredictivityVsPrFile);
        var dFigure = Path.Combine(folder.Root, PredictivityVsDFile);
        SweepFigures.PredictivityVsParticipationRatio(prFigure, rows, plan.Run.Dataset);
        SweepFigures.PredictivityVsNominalDimension(dFigure, rows, plan.Run.Dataset);

        var notFinished = statuses.Where(s => s.State != UnitState.Finished).ToList();
        Log.Merged(logger, rows.Count, statuses.Count, csvPath);
        if (notFinished.Count > 0)
        {
            Log.MergeMissing(logger, notFinished.Count, string.Join(", ", notFinished.Select(s => s.Unit.Id)));
        }

        return new MergeReport(folder.Root, statuses.Count, rows.Count, notFinished, [csvPath, prFigure, dFigure]);
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
