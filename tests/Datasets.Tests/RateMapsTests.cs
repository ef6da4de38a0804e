namespace NeuralPredictivity.Datasets.Tests;

/// <summary>Case 15 and the toolkit's rate-map definition against an independent NumPy implementation.</summary>
public sealed class RateMapsTests
{
    private const string Case = "15-ratemap-unvisited-nan-smoothing";

    // Case 15: exact rational inputs (dyadic occupancies, integer counts), so only double rounding: 1e-12.
    private const double CaseTolerance = 1e-12;

    // Same arithmetic as the NumPy reference on the same float64 data; sums over ≤ 30,000 samples
    // differ at most in the order of a few ulps: 1e-9 relative leaves ample margin.
    private const double GoldenRelTol = 1e-9;

    [Fact]
    public void UnvisitedBinsAreNanAndSilentVisitedBinsAreZero()
    {
        var (counts, occupancy) = CaseMaps();
        var expected = TestData.Matrix(TestData.Expected(Case).GetProperty("rate_map_hz"));

        var rates = GridSmoothing.Rates(counts, occupancy, occupancy);

        AssertMap(expected, rates);
        Assert.Equal(9, rates.Count(double.IsNaN));
        Assert.Equal(0.0, rates[0]);
        Assert.Equal(0.0, rates[2 * 6 + 0]);
    }

    [Fact]
    public void SmoothingDividesSeparatelySmoothedCountsByOccupancyAndKeepsUnvisitedNan()
    {
        var (counts, occupancy) = CaseMaps();
        var expected = TestData.Expected(Case);
        var boxcar = new double[3, 3] { { 1, 1, 1 }, { 1, 1, 1 }, { 1, 1, 1 } };

        var smoothedCounts = GridSmoothing.Apply(counts, 6, 6, boxcar);
        var smoothedOccupancy = GridSmoothing.Apply(occupancy, 6, 6, boxcar);
        var rates = GridSmoothing.Rates(smoothedCounts, smoothedOccupancy, occupancy);

        AssertMap(TestData.Matrix(expected.GetProperty("smoothed_B_ratio_of_boxcar3_sums")), rates);
        Assert.Equal(5.038961038961039, rates[2 * 6 + 2], CaseTolerance);
        // The NaN-aware mean of rates (definition A) gives 4.348 at (2, 2); the toolkit uses B, not A.
        var definitionA = TestData.Matrix(expected.GetProperty("smoothed_A_nan_aware_boxcar3"));
        Assert.NotEqual(definitionA[2, 2], rates[2 * 6 + 2], CaseTolerance);
    }

    [Fact]
    public void OverallMeanRateIsTotalSpikesOverTotalOccupancy()
    {
        var (counts, occupancy) = CaseMaps();

        var mean = counts.Sum() / occupancy.Sum();

        Assert.Equal(TestData.Expected(Case).GetProperty("overall_mean_rate_hz").GetDouble(), mean, CaseTolerance);
    }

    [Fact]
    public void GaussianSmoothingOfARecordingNeverFillsUnvisitedBins()
    {
        var recording = RecordingReader.Read(TestData.Bundled("hafting2005_fig2c_trial1"));
        var grid = SpatialGrid.ForRecording(recording);

        var raw = RateMaps.Compute(recording, grid);
        var smooth = RateMaps.Compute(recording, grid, new RateMapOptions { SmoothingSigmaBins = 1.5 });

        for (var bin = 0; bin < grid.BinCount; bin++)
        {
            for (var n = 0; n < raw.ColumnCount; n++)
            {
                Assert.Equal(double.IsNaN(raw.Values[bin, n]), double.IsNaN(smooth.Values[bin, n]));
            }
        }

        // A circular arena inside its 36 × 36 square grid: the corners are never visited.
        Assert.True(double.IsNaN(raw.Values[0, 0]));
    }

    [Fact]
    public void SpeedFilteredMapsMatchAnIndependentNumpyImplementation()
    {
        var recording = RecordingReader.Read(TestData.Bundled("sargolini2006_10073-17010302"));
        var grid = SpatialGrid.ForRecording(recording);
        var golden = TestData.ReadTable(TestData.Golden("sargolini2006_10073-17010302_maps.csv"));

        var occupancy = RateMaps.Occupancy(recording, grid);
        var maps = RateMaps.Compute(recording, grid);

        Assert.Equal(400, grid.BinCount);
        Assert.Equal(golden.Count, grid.BinCount);
        for (var bin = 0; bin < grid.BinCount; bin++)
        {
            AssertClose(TestData.Parse(golden[bin]["occupancy_s"]), occupancy[bin]);
            for (var n = 0; n < maps.ColumnCount; n++)
            {
                AssertClose(TestData.Parse(golden[bin]["rate_hz_" + maps.ColumnIds[n]]), maps.Values[bin, n]);
            }
        }
    }

    [Fact]
    public void SpeedFilterRemovesSlowSamples()
    {
        var recording = RecordingReader.Read(TestData.Bundled("sargolini2006_10073-17010302"));
        var grid = SpatialGrid.ForRecording(recording);

        var all = RateMaps.Occupancy(recording, grid, new RateMapOptions { MinSpeedCmPerS = 0 }).Sum();
        var moving = RateMaps.Occupancy(recording, grid).Sum();

        Assert.Equal(30000 * recording.Position!.MedianIntervalS, all, 1e-6);
        Assert.InRange(moving / all, 0.5, 0.99);
    }

    [Fact]
    public void MeanRatesAreSpikesInTheTrackedIntervalOverDuration()
    {
        var recording = RecordingReader.Read(TestData.Bundled("stensola2012_ben"));
        var golden = TestData.ReadTable(TestData.Golden("stensola2012_ben_split_half.csv"));

        var rates = RateMaps.MeanRatesHz(recording);

        for (var n = 0; n < rates.Length; n++)
        {
            Assert.Equal(golden[n]["unit"], recording.Neurons[n].Id);
            AssertClose(TestData.Parse(golden[n]["mean_rate_hz"]), rates[n]);
        }
    }

    [Fact]
    public void OptionsReportEveryProblemAtOnce()
    {
        var options = new RateMapOptions
        {
            MinSpeedCmPerS = -1,
            SmoothingSigmaBins = double.NaN,
            MaxInterpolationGapS = 0,
        };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("--min-speed", error.Message);
        Assert.Contains("--smoothing-sigma", error.Message);
        Assert.Contains("--max-gap", error.Message);
    }

    private static (double[] Counts, double[] Occupancy) CaseMaps()
    {
        var counts = TestData.ReadCsv(TestData.Case(Case, "spike_counts.csv")).SelectMany(r => r).ToArray();
        var occupancy = TestData.ReadCsv(TestData.Case(Case, "occupancy_s.csv")).SelectMany(r => r).ToArray();
        return (counts, occupancy);
    }

    private static void AssertMap(double[,] expected, double[] actual)
    {
        var columns = expected.GetLength(1);
        for (var i = 0; i < expected.GetLength(0); i++)
        {
            for (var j = 0; j < columns; j++)
            {
                var (e, a) = (expected[i, j], actual[i * columns + j]);
                Assert.True(double.IsNaN(e) ? double.IsNaN(a) : Math.Abs(e - a) <= CaseTolerance,
                            $"({i}, {j}): expected {e}, got {a}");
            }
        }
    }

    private static void AssertClose(double expected, double actual)
    {
        var close = double.IsNaN(expected)
            ? double.IsNaN(actual)
            : Math.Abs(expected - actual) <= GoldenRelTol * Math.Max(1, Math.Abs(expected));
        Assert.True(close,
                    $"expected {expected}, got {actual}");
    }
}
