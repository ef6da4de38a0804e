using Microsoft.Extensions.Logging.Abstractions;

namespace NeuralPredictivity.Datasets.Tests;

/// <summary>Split-half and cross-session ceilings, reproduced against NumPy and checked for their invariants.</summary>
public sealed class ReliabilityTests
{
    // Identical recipe and float64 data as the NumPy reference; Pearson r over ~350 bins agrees to
    // ~1e-15, so the brief's 1e-9 leaves six orders of margin.
    private const double SplitHalfTolerance = 1e-9;

    [Theory]
    [InlineData("stensola2012_ben")]
    [InlineData("hafting2005_fig2c_trial1")]
    [InlineData("hafting2005_fig2c_trial2")]
    [InlineData("sargolini2006_10073-17010302")]
    public void FirstSecondHalfRecipeReproducesTheDataReadmeFigures(string session)
    {
        var recording = RecordingReader.Read(TestData.Bundled(session));
        var golden = TestData.ReadTable(TestData.Golden(session + "_split_half.csv"));
        // data/README.md: 20 × 20 bins over the tracked extent, no speed filter, no smoothing, spikes
        // interpolated across every gap, halves split at start + duration / 2.
        var grid = SpatialGrid.OverTrackedExtent(recording.Position!, 20);
        var recipe = new RateMapOptions { MinSpeedCmPerS = 0, MaxInterpolationGapS = double.PositiveInfinity };

        var result = SplitHalfReliability.Compute(recording, grid,
            new ReliabilityOptions { Scheme = ReliabilityScheme.FirstSecondHalf }, recipe);

        Assert.Equal(golden.Select(g => g["unit"]), result.NeuronIds);
        for (var n = 0; n < golden.Count; n++)
        {
            var expected = TestData.Parse(golden[n]["split_half_r"]);
            Assert.True(Math.Abs(expected - result.Correlations[n]) <= SplitHalfTolerance,
                        $"{session} {golden[n]["unit"]}: expected r = {expected}, got {result.Correlations[n]}");
            Assert.Equal(int.Parse(golden[n]["spikes_in_interval"]), recording.Neurons[n].SpikeCount);
        }
    }

    [Fact]
    public void SessionFiguresMatchTheDataReadme()
    {
        var golden = TestData.ReadTable(TestData.Golden("sessions.csv"))
            .Single(r => r["session"] == "stensola2012_ben");
        var recording = RecordingReader.Read(TestData.Bundled("stensola2012_ben"));
        var grid = SpatialGrid.OverTrackedExtent(recording.Position!, 20);
        var recipe = new RateMapOptions { MinSpeedCmPerS = 0, MaxInterpolationGapS = double.PositiveInfinity };

        var visited = RateMaps.Occupancy(recording, grid, recipe).Count(o => o > 0) / 400.0;

        Assert.Equal(TestData.Parse(golden["fraction_visited_20x20"]), visited);
        Assert.Equal(TestData.Parse(golden["duration_s"]), recording.DurationS, 1e-12);
    }

    [Fact]
    public void SpearmanBrownIsDefinedOnlyForPositiveCorrelation()
    {
        Assert.Equal(2 * 0.5 / 1.5, SplitHalfReliability.SpearmanBrown(0.5), 1e-15);
        Assert.Equal(1.0, SplitHalfReliability.SpearmanBrown(1.0));
        Assert.True(double.IsNaN(SplitHalfReliability.SpearmanBrown(0.0)));
        Assert.True(double.IsNaN(SplitHalfReliability.SpearmanBrown(-0.5)));
        Assert.True(double.IsNaN(SplitHalfReliability.SpearmanBrown(-1.0)));
        Assert.True(double.IsNaN(SplitHalfReliability.SpearmanBrown(double.NaN)));
    }

    [Theory]
    [InlineData(1e-17)]
    [InlineData(1e-12)]
    public void SpearmanBrownTreatsRoundingSizedCorrelationAsNoCeiling(double r)
    {
        // Case 02: an exactly uncorrelated pair computed in floating point may give |r| ≤ 1e-12;
        // a ceiling of ~2r would divide a score into a huge normalised value.
        Assert.True(double.IsNaN(SplitHalfReliability.SpearmanBrown(r)));
    }

    [Fact]
    public void RandomBlockCeilingsAreSeededAndReproducible()
    {
        var recording = RecordingReader.Read(TestData.Bundled("sargolini2006_10073-17010302"));
        var grid = SpatialGrid.ForRecording(recording);

        var first = SplitHalfReliability.Compute(recording, grid, new ReliabilityOptions { Seed = 7 });
        var again = SplitHalfReliability.Compute(recording, grid, new ReliabilityOptions { Seed = 7 });
        var other = SplitHalfReliability.Compute(recording, grid, new ReliabilityOptions { Seed = 8 });

        Assert.Equal(first.Correlations, again.Correlations);
        Assert.NotEqual(first.Correlations, other.Correlations);
        Assert.Equal(10, first.DrawCount);
        for (var n = 0; n < first.Ceilings.Count; n++)
        {
            var r = first.Correlations[n];
            Assert.Equal(r > 0 ? 2 * r / (1 + r) : double.NaN, first.Ceilings[n]);
        }
    }

    [Fact]
    public void IdenticalHalvesGiveCeilingOne()
    {
        // The whole session replayed after a 1 s pause (longer than the 0.5 s interpolation limit, so
        // speeds and interpolation never reach across the seam): the two halves see the same path and
        // the same spikes, so r = 1 and ρ = 1 up to rounding.
        var source = RecordingReader.Read(TestData.Bundled("sargolini2006_10073-17010302"));
        var repeated = Repeat(source);
        var grid = SpatialGrid.ForRecording(repeated);

        var halves = new ReliabilityOptions { Scheme = ReliabilityScheme.FirstSecondHalf };
        var result = SplitHalfReliability.Compute(repeated, grid, halves);

        Assert.All(result.Correlations, r => Assert.Equal(1.0, r, 1e-12));
        Assert.All(result.Ceilings, rho => Assert.Equal(1.0, rho, 1e-12));
    }

    [Fact]
    public void OddEvenMinutesUsesAlternateBlocks()
    {
        var recording = RecordingReader.Read(TestData.Bundled("sargolini2006_10073-17010302"));
        var options = new ReliabilityOptions { Scheme = ReliabilityScheme.OddEvenMinutes };

        var split = SplitHalfReliability.Splits(recording, options, NullLogger.Instance).Single();
        var result = SplitHalfReliability.Compute(recording, SpatialGrid.ForRecording(recording), options);

        Assert.True(split(recording.StartS + 30));
        Assert.False(split(recording.StartS + 90));
        Assert.True(split(recording.StartS + 150));
        Assert.Equal(1, result.DrawCount);
        Assert.Equal(8, result.NeuronIds.Count);
    }

    [Fact]
    public void SessionShorterThanTwoBlocksIsRefused()
    {
        var recording = TestData.ReadFixture("good_native.h5");

        var error = Assert.Throws<ArgumentException>(() =>
            SplitHalfReliability.Compute(recording, SpatialGrid.ForRecording(recording)));

        Assert.Contains("single 60 s block", error.Message);
    }

    [Fact]
    public void SilentNeuronHasNoCeilingButKeepsItsPlace()
    {
        var recording = TestData.ReadFixture("good_native.h5");

        var result = SplitHalfReliability.Compute(recording, SpatialGrid.ForRecording(recording),
            new ReliabilityOptions { BlockLengthS = 5 });

        Assert.Equal(4, result.NeuronIds.Count);
        Assert.Equal("T9C9", result.NeuronIds[3]);
        Assert.True(double.IsNaN(result.Correlations[3]));
        Assert.True(double.IsNaN(result.Ceilings[3]));
        Assert.Equal(0, result.DefinedDraws[3]);
    }

    [Fact]
    public void HaftingTrialsGiveCrossSessionCeilingsMatchingNumpy()
    {
        var first = RecordingReader.Read(TestData.Bundled("hafting2005_fig2c_trial1"));
        var second = RecordingReader.Read(TestData.Bundled("hafting2005_fig2c_trial2"));
        var golden = TestData.ReadTable(TestData.Golden("hafting2005_cross_session.csv"));
        var grid = SpatialGrid.ForRecording(first);

        var result = CrossSessionReliability.Compute(first, second, grid);

        Assert.Equal(grid, SpatialGrid.ForRecording(second));
        Assert.Equal(golden.Select(g => g["unit"]), result.NeuronIds);
        for (var n = 0; n < golden.Count; n++)
        {
            Assert.Equal(TestData.Parse(golden[n]["cross_session_r"]), result.Correlations[n], SplitHalfTolerance);
            Assert.Equal(result.Correlations[n], result.Ceilings[n]);
        }

        Assert.All(result.Correlations, r => Assert.InRange(r, 0.1, 0.6));
    }

    [Fact]
    public void CrossSessionOfUnrelatedSessionsIsRefused()
    {
        var ben = RecordingReader.Read(TestData.Bundled("sargolini2006_10073-17010302"));
        var hafting = RecordingReader.Read(TestData.Bundled("hafting2005_fig2c_trial1"));

        var error = Assert.Throws<ArgumentException>(() =>
            CrossSessionReliability.Compute(ben, hafting, SpatialGrid.ForRecording(ben)));

        Assert.Contains("share no neuron id", error.Message);
    }

    private static Recording Repeat(Recording source)
    {
        var position = source.Position!;
        var offset = position.EndS - position.StartS + 1.0;
        var parts = new RecordingParts
        {
            Name = "repeated",
            SourcePath = source.SourcePath,
            Format = source.Format,
            Times = position.Times.Concat(position.Times.Select(t => t + offset)).ToArray(),
            X = position.X.Concat(position.X).ToArray(),
            Y = position.Y.Concat(position.Y).ToArray(),
            Arena = source.Arena,
        };
        foreach (var neuron in source.Neurons)
        {
            var spikes = neuron.SpikeTimes.Concat(neuron.SpikeTimes.Select(s => s + offset)).ToArray();
            parts.Neurons.Add(new NeuronParts(neuron.Id, spikes, neuron.Attributes, "repeated"));
        }

        return RecordingValidation.Build(parts, NullLogger.Instance);
    }
}
