namespace NeuralPredictivity.Datasets.Tests;

/// <summary>The native layout mec-spikes-position/1: the bundled sessions and the zero-unit trajectory file.</summary>
public sealed class NativeRecordingReaderTests
{
    [Fact]
    public void StensolaBenHas65UnitsIn1253SecondsIn150CmBox()
    {
        var recording = RecordingReader.Read(TestData.Bundled("stensola2012_ben"));

        Assert.Equal(65, recording.Neurons.Count);
        Assert.Equal(1252.829637, recording.DurationS, 1e-9);
        Assert.Equal(31325, recording.Position!.SampleCount);
        Assert.Equal(0, recording.Position.MissingCount);
        Assert.Equal(ArenaShape.Square, recording.Arena!.Shape);
        var arena = recording.Arena;
        Assert.Equal((150.0, 150.0, 0.0, 0.0), (arena.WidthCm, arena.HeightCm, arena.CentreXCm, arena.CentreYCm));
        Assert.False(recording.Arena.InferredFromTracking);
        Assert.Contains("Stensola", recording.Metadata.Citation);
        Assert.Equal("10.1038/nature11649", recording.Metadata.Doi);
    }

    [Fact]
    public void UnitsComeInIdsOrderNotHdf5AlphabeticalOrder()
    {
        var recording = RecordingReader.Read(TestData.Bundled("stensola2012_ben"));

        var ids = recording.NeuronIds.ToList();

        Assert.True(ids.IndexOf("T04C9") < ids.IndexOf("T04C10"), "T04C10 must follow T04C9 as in /units/ids");
        Assert.Equal("T12C7", ids[^1]);
        Assert.Equal("2", recording.Neuron("T02C1").Attributes["grid_module"]);
    }

    [Fact]
    public void SpikesOutsideTheTrackedIntervalAreCountedDroppedAndWarned()
    {
        var logger = new RecordingLogger();

        var recording = RecordingReader.Read(TestData.Bundled("stensola2012_ben"), logger: logger);

        // data/README.md: 27 of 341,838 BEN spikes fall just outside [t[0], t[-1]].
        Assert.Equal(27, recording.Neurons.Sum(n => n.SpikesOutsideTracking));
        Assert.Equal(341838 - 27, recording.Neurons.Sum(n => n.SpikeCount));
        Assert.Contains(logger.Warnings, w => w.Contains("27 spikes of 15 neurons fall outside the tracked interval"));
    }

    [Theory]
    [InlineData("hafting2005_fig2c_trial1", 7, 59596, 9, ArenaShape.Circle, 180.0)]
    [InlineData("hafting2005_fig2c_trial2", 7, 59723, 0, ArenaShape.Circle, 180.0)]
    [InlineData("sargolini2006_10073-17010302", 8, 30000, 0, ArenaShape.Square, 100.0)]
    public void BundledSessionsReadWithTheirFigures(string name, int units, int samples, int missing, ArenaShape shape,
                                                    double size)
    {
        var recording = RecordingReader.Read(TestData.Bundled(name));

        Assert.Equal(units, recording.Neurons.Count);
        Assert.Equal(samples, recording.Position!.SampleCount);
        Assert.Equal(missing, recording.Position.MissingCount);
        Assert.Equal(shape, recording.Arena!.Shape);
        Assert.Equal(size, recording.Arena.WidthCm);
    }

    [Fact]
    public void TrajectoryFileWithZeroUnitsReadsAsPathOnly()
    {
        var path = Path.Combine(TestData.RepositoryRoot, "data", "trajectories",
                                "sargolini2006_11084-03020501_trajectory.h5");

        var recording = RecordingReader.Read(path);

        Assert.Empty(recording.Neurons);
        Assert.Equal(29800, recording.Position!.SampleCount);
        // coordinate_origin "box corner (0,0)": a 100 cm box centred at (50, 50).
        Assert.Equal((50.0, 50.0), (recording.Arena!.CentreXCm, recording.Arena.CentreYCm));
        Assert.Equal(400, SpatialGrid.ForRecording(recording).BinCount);
    }

    [Fact]
    public void EmptyUnitIsKeptWithZeroSpikes()
    {
        var recording = TestData.ReadFixture("good_native.h5");

        Assert.Equal(["T1C1", "T2C1", "T3C1", "T9C9"], recording.NeuronIds);
        Assert.Equal(0, recording.Neuron("T9C9").SpikeCount);
    }

    [Fact]
    public void MissingArenaIsInferredFromTrackingWithAWarning()
    {
        var logger = new RecordingLogger();

        var recording = TestData.ReadFixture("no_arena.h5", logger: logger);

        Assert.True(recording.Arena!.InferredFromTracking);
        var (minX, maxX) = (recording.Position!.X.Min(), recording.Position.X.Max());
        Assert.Equal(maxX - minX, recording.Arena.WidthCm, 1e-12);
        Assert.Contains(logger.Warnings, w => w.Contains("no_arena.h5: the file gives no arena size"));
    }

    [Fact]
    public void UserArenaOverridesTheFile()
    {
        var options = new RecordingReadOptions { Arena = Arena.Square(120) };

        var recording = TestData.ReadFixture("good_native.h5", options);

        Assert.Equal(120, recording.Arena!.WidthCm);
        Assert.Equal(576, SpatialGrid.ForRecording(recording).BinCount);
    }

    [Fact]
    public void FormatIsDetectedFromTheFile()
    {
        Assert.Equal(RecordingFormat.Native, RecordingReader.DetectFormat(TestData.Fixture("good_native.h5")));
        Assert.Equal(RecordingFormat.Nwb, RecordingReader.DetectFormat(TestData.Fixture("position_rate.nwb")));
        Assert.Equal(RecordingFormat.MatlabV73, RecordingReader.DetectFormat(TestData.Fixture("session_v73.mat")));
    }
}
