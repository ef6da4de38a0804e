using Microsoft.Extensions.Logging.Abstractions;

namespace NeuralPredictivity.Benchmark.Tests;

public sealed class SweepNotebookTablesTests : IDisposable
{
    private const double Shift = 0.125;
    private readonly string _root = Directory.CreateTempSubdirectory("np-sweep-tables-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static SweepPlan Plan(params string[] families) => new()
    {
        Families = families.Length > 0 ? families : ["trained", "random-fourier"],
        Dimensions = [16, 4],
        Seeds = [0, 1],
        Match = DimensionMatch.ParticipationRatio,
        Run = new RunSettings { Dataset = "synthetic-arena" },
    };

    /// <summary>Writes each unit from <see cref="SyntheticRun"/>: the trained family's neurons as they are, every
    /// other family's r_norm lowered by <see cref="Shift"/>, with T01C1 excluded there; PR = 2·d for trained
    /// and 2·d + 1 for the others.</summary>
    private static void WriteUnit(SweepUnit unit, RunSettings settings, CancellationToken cancellation)
    {
        var result = SyntheticRun.Create(settings);
        var trained = unit.Family == "trained";
        var neurons = result.Neurons.Select(n => trained ? n
            : n.NeuronId == "T01C1" ? n with { Exclusion = "score undefined: test" }
            : n with { RNorm = n.RNorm - Shift }).ToList();
        result = result with
        {
            Neurons = neurons,
            Summary = result.Summary with { ParticipationRatio = 2.0 * unit.Dimension + (trained ? 0 : 1) },
        };
        using var folder = AtomicFolder.Begin(settings.OutputFolder!, replaceExisting: false);
        ResultsWriter.WriteData(folder.WorkPath, result);
        ResultsWriter.WriteManifest(folder.WorkPath, TestManifests.For(result));
        folder.Commit();
    }

    private void RunSweep(SweepPlan plan) =>
        new SweepEngine(WriteUnit, NullLogger.Instance).Run(plan, _root, ShardSpec.All, null, default);

    [Fact]
    public void SweepTableRowsFollowPlanOrderWithTheirParticipationRatios()
    {
        RunSweep(Plan());
        SweepMerger.Merge(_root, NullLogger.Instance);

        var rows = SweepResults.Read(_root);

        Assert.Equal(Plan().Units().Select(u => u.Id), rows.Select(r => r.Unit));
        Assert.All(rows, r => Assert.Equal(2.0 * r.NominalD + (r.Family == "trained" ? 0 : 1), r.ParticipationRatio));
        Assert.Equal("random-fourier:d=16,seed=1", rows[^1].Model);
        Assert.Equal(4, rows[0].NominalD);
    }

    [Fact]
    public void AnUnmergedSweepSaysToMergeFirst()
    {
        RunSweep(Plan());

        var error = Assert.Throws<FileNotFoundException>(() => SweepResults.Read(_root));

        Assert.Contains("merge the sweep first", error.Message);
    }

    [Fact]
    public void ASingleRunSummaryIsNotASweepTable()
    {
        CsvFiles.Write(Path.Combine(_root, "sweep.csv"), [SummaryRow.From(SyntheticRun.Create().Summary)]);

        var error = Assert.Throws<InvalidDataException>(() => SweepResults.Read(_root));

        Assert.Contains("line 2", error.Message);
    }

    [Fact]
    public void ComparisonPairsNeuronsIncludedInBothUnits()
    {
        RunSweep(Plan());

        var rows = DimensionMatchedComparisons.Compute(_root, bootstrapSamples: 200, seed: 3);

        // One row per (d, seed) of the one other family, in plan order.
        Assert.Equal([(4, 0), (4, 1), (16, 0), (16, 1)], rows.Select(r => (r.NominalD, r.Seed)));
        var first = rows[0];
        Assert.Equal("random-fourier", first.Family);
        Assert.Equal(DimensionMatch.ParticipationRatio, first.Match);
        Assert.Equal((8.0, 9.0), (first.TrainedParticipationRatio, first.BaselineParticipationRatio));

        // SyntheticRun includes T01C1, T01C2, T02C2 and T03C1; T01C1 is excluded from the other unit.
        var trained = SyntheticRun.Create().Neurons.Where(n => n.NeuronId is "T01C2" or "T02C2" or "T03C1")
            .Select(n => n.RNorm).Order().ToArray();
        Assert.Equal(3, first.NeuronCount);
        Assert.Equal(trained[1], first.TrainedMedianRNorm, 15);
        Assert.Equal(trained[1] - Shift, first.BaselineMedianRNorm, 15);
    }

    [Fact]
    public void AConstantShiftHasThatDifferenceAndAZeroWidthInterval()
    {
        RunSweep(Plan());

        var row = DimensionMatchedComparisons.Compute(_root, bootstrapSamples: 200)[0];

        // Every resample moves both medians together: Δ = 0.125 up to one rounding of the subtraction.
        Assert.Equal(Shift, row.Difference, 12);
        Assert.Equal(Shift, row.DifferenceCiLow, 12);
        Assert.Equal(Shift, row.DifferenceCiHigh, 12);
    }

    [Fact]
    public void UnfinishedUnitsAreLeftOut()
    {
        RunSweep(Plan());
        Directory.Delete(Path.Combine(_root, "units", new SweepUnit("random-fourier", 16, 1).Id), recursive: true);

        var rows = DimensionMatchedComparisons.Compute(_root, bootstrapSamples: 100);

        Assert.Equal(3, rows.Count);
        Assert.DoesNotContain(rows, r => r.NominalD == 16 && r.Seed == 1);
    }

    [Fact]
    public void ASweepWithoutATrainedFamilyIsRefused()
    {
        RunSweep(Plan("random-fourier", "grid-cells"));

        var error = Assert.Throws<ArgumentException>(() => DimensionMatchedComparisons.Compute(_root));

        Assert.Contains("no trained family", error.Message);
    }

    [Fact]
    public void PairedBootstrapIsSeededAndCoversAKnownDifference()
    {
        // 400 neurons: baseline uniform on (0, 1), trained = baseline + 0.1 + symmetric noise (sd 0.05), so the
        // medians differ by ≈ 0.1. Resampled unpaired, each median has SE 1/(2·f·√n) = 1/40 = 0.025 (density
        // f = 1), and the 95 % interval of their difference would span ≈ 2·1.96·√2·0.025 ≈ 0.14. Resampling
        // pairs moves both medians together, so the interval must be much narrower: under half of that.
        var random = new Random(11);
        var baseline = Enumerable.Range(0, 400).Select(_ => random.NextDouble()).ToArray();
        var trained = baseline.Select(b => b + 0.1 + 0.05 * (random.NextDouble() - 0.5) * Math.Sqrt(12)).ToArray();

        var first = DimensionMatchedComparisons.PairedMedianDifference(trained, baseline, 1000, 5);
        var again = DimensionMatchedComparisons.PairedMedianDifference(trained, baseline, 1000, 5);
        var other = DimensionMatchedComparisons.PairedMedianDifference(trained, baseline, 1000, 6);

        Assert.Equal(first, again);
        Assert.NotEqual(first.Low, other.Low);
        Assert.True(first.Low <= first.Difference && first.Difference <= first.High);
        Assert.InRange(first.Difference, 0.05, 0.15);
        Assert.True(first.High - first.Low < 0.07, $"interval {first.Low}–{first.High}");
        Assert.True(double.IsNaN(DimensionMatchedComparisons.PairedMedianDifference([], [], 100, 0).Difference));
    }
}
