namespace NeuralPredictivity.Datasets.Tests;

/// <summary>Every kind of bad input gives a message naming the file, the path, what was expected and found.</summary>
public sealed class RecordingValidationTests
{
    [Fact]
    public void TruncatedFileIsRefusedAsDamaged()
    {
        var good = File.ReadAllBytes(TestData.Fixture("good_native.h5"));
        var folder = Directory.CreateTempSubdirectory("np-truncated-").FullName;
        var messages = new List<string>();

        foreach (var length in new[] { 100, 2000, good.Length / 2, good.Length - 64 })
        {
            var path = Path.Combine(folder, $"cut{length}.h5");
            File.WriteAllBytes(path, good[..length]);
            var native = new RecordingReadOptions { Format = RecordingFormat.Native };
            var error = Assert.Throws<InvalidDataException>(() => RecordingReader.Read(path, native));
            messages.Add(error.Message);
        }

        Assert.All(messages, m => Assert.StartsWith("cut", m));
        Assert.Contains(messages, m => m.Contains("not a readable HDF5 file"));
        Assert.Contains(messages, m => m.Contains("truncated: the file is"));
    }

    [Fact]
    public void MissingPositionTimesAreNamed()
    {
        var error = TestData.Refusal<InvalidDataException>("missing_position_t.h5");

        Assert.Equal("missing_position_t.h5: /position/t: missing; expected position times (s).", error.Message);
    }

    [Fact]
    public void DecreasingTimeNamesTheFirstOffendingSample()
    {
        var error = TestData.Refusal<InvalidDataException>("t_decreasing.h5");

        Assert.Contains("t_decreasing.h5: /position/t: time must increase strictly, but sample 701", error.Message);
        Assert.Contains("is not after sample 700", error.Message);
    }

    [Fact]
    public void XLongerThanTNamesBothLengths()
    {
        var error = TestData.Refusal<InvalidDataException>("x_longer_than_t.h5");

        Assert.Contains("x_longer_than_t.h5: /position/x holds 1501 samples but /position/t holds 1500", error.Message);
    }

    [Fact]
    public void IntegerSpikeTimesAreRefusedAsAmbiguousUnits()
    {
        var error = TestData.Refusal<InvalidDataException>("int64_spike_times.h5");

        Assert.Contains("int64_spike_times.h5: /units/T1C1/spike_times: expected spike times (s) of unit T1C1 as " +
                        "floating-point seconds, found int64 (64-bit signed integer)", error.Message);
        Assert.Contains("microsecond", error.Message);
    }

    [Fact]
    public void BigEndianPositionsReadIdenticallyToLittleEndian()
    {
        var logger = new RecordingLogger();
        var little = TestData.ReadFixture("good_native.h5");

        var big = TestData.ReadFixture("big_endian_positions.h5", logger: logger);

        Assert.Equal(little.Position!.Times, big.Position!.Times);
        Assert.Equal(little.Position.X, big.Position.X);
        Assert.Equal(little.Position.Y, big.Position.Y);
        Assert.Contains(logger.Messages,
                        m => m.Message.Contains("/position/x is stored big-endian; byte-swapped on read"));
    }

    [Fact]
    public void NanPositionsAreLostTrackingAndSpikesInTheGapAreDropped()
    {
        var logger = new RecordingLogger();
        var recording = TestData.ReadFixture("nan_positions.h5");
        var grid = SpatialGrid.ForRecording(recording);
        var complete = TestData.ReadFixture("good_native.h5");

        var maps = RateMaps.Compute(recording, grid, logger: logger);
        var binning = new SessionBinning(recording, grid, new RateMapOptions());
        var occupancy = RateMaps.Occupancy(recording, grid);

        // 50 samples (1 s at 50 Hz) are NaN; the 1.02 s gap exceeds the 0.5 s interpolation limit.
        Assert.Equal(50, recording.Position!.MissingCount);
        var first = Enumerable.Range(0, recording.Position.SampleCount)
            .First(i => double.IsNaN(recording.Position.X[i]));
        var gap = (recording.Position.Times[first - 1], recording.Position.Times[first + 50]);
        var inGap = complete.Neurons.Sum(n => n.SpikeTimes.Count(s => s > gap.Item1 && s < gap.Item2));
        Assert.True(inGap > 0);
        Assert.Equal(inGap, binning.SpikesInGaps);
        Assert.Contains(logger.Messages, m => m.Message.Contains($"{inGap} spikes fell in tracking gaps"));
        Assert.True(occupancy.Sum() < RateMaps.Occupancy(complete, grid).Sum());
        Assert.Equal(grid.BinCount, maps.BinCount);
    }

    [Fact]
    public void NanTimeIsRefusedNamingTheSample()
    {
        var error = TestData.Refusal<InvalidDataException>("nan_time.h5");

        Assert.Contains("nan_time.h5: /position/t: sample 55 is NaN", error.Message);
    }

    [Fact]
    public void SampleLostInXButNotInYIsRefused()
    {
        var error = TestData.Refusal<InvalidDataException>("x_nan_y_finite.h5");

        Assert.Contains("x_nan_y_finite.h5: sample 123 is NaN in /position/x but finite in /position/y", error.Message);
    }

    [Fact]
    public void WrongSchemaIsRefusedNamingWhatWasFound()
    {
        var error = TestData.Refusal<NotSupportedException>("wrong_schema.h5");

        Assert.Contains("wrong_schema.h5: / attribute 'schema' is \"mec-spikes/0\"", error.Message);
    }

    [Fact]
    public void MissingFileIsFileNotFound()
    {
        TestData.Refusal<FileNotFoundException>("no_such_file.h5");
    }

    [Fact]
    public void NotAnHdf5FileIsRefusedWithTheSupportedFormats()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("np-text-").FullName, "notes.h5");
        File.WriteAllText(path, "position,spikes\n1,2\n");

        var error = Assert.Throws<InvalidDataException>(() => RecordingReader.Read(path));

        Assert.Contains("notes.h5: not an HDF5, NWB or MATLAB v7.3 file", error.Message);
    }
}
