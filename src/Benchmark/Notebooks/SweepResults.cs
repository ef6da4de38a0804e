namespace NeuralPredictivity.Benchmark;

/// <summary>Reads the merged table of a sweep folder (<c>sweep.csv</c>) into typed rows.</summary>
/// <remarks>
/// <c>sweep.csv</c> is written by <see cref="PredictivitySweep.Merge"/> (or <c>predictivity sweep merge</c>)
/// from the finished units, in plan order: family, then d, then seed. Merge first; this reader never
/// aggregates by itself, so what it returns is exactly what the merged file says.
/// </remarks>
public static class SweepResults
{
    /// <summary>Every row of the sweep folder's <c>sweep.csv</c>, in file (plan) order.</summary>
    /// <exception cref="FileNotFoundException">The folder has no <c>sweep.csv</c> (not merged yet).</exception>
    /// <exception cref="InvalidDataException">A row lacks the sweep columns (a single run's summary).</exception>
    public static IReadOnlyList<SweepUnitResult> Read(string sweepFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sweepFolder);
        var path = Path.Combine(Path.GetFullPath(sweepFolder), SweepFolder.SweepCsvFile);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"{path}: not found; merge the sweep first (PredictivitySweep.Merge, or predictivity sweep merge).",
                path);
        }

        return CsvFiles.Read<SummaryRow>(path).Select((row, i) => From(row, path, i + 2)).ToList();
    }

    private static SweepUnitResult From(SummaryRow row, string path, int line)
    {
        if (row.Unit is null || row.Family is null || row.NominalD is null || row.UnitSeed is null)
        {
            throw new InvalidDataException(
                $"{path}, line {line}: the unit, family, nominal_d and unit_seed columns must be filled in a " +
                "sweep table; this looks like a single run's summary.csv.");
        }

        return new SweepUnitResult(row.Unit, row.Family, row.NominalD.Value, row.UnitSeed.Value, row.Model,
            row.FeatureCount, row.ParticipationRatio, row.MedianRNorm, row.MedianRNormCiLow, row.MedianRNormCiHigh,
            row.MedianR, row.NeuronsIncluded);
    }
}
