using System.Text.Json;

namespace NeuralPredictivity.Datasets.Tests;

/// <summary>Case 12 (ragged units), the real pynapple NWB file, position fixtures, pynwb back-compat files.</summary>
public sealed class NwbRecordingReaderTests
{
    private const string RaggedCase = "12-nwb-units-ragged-index";

    [Fact]
    public void RaggedIndexIsExclusiveEndOffsetsAndUnitsAreNamedById()
    {
        var expected = TestData.Expected(RaggedCase);

        var recording = RecordingReader.Read(TestData.Case(RaggedCase, "units.nwb"));

        Assert.Equal(["11", "12", "15", "20", "21"], recording.NeuronIds);
        foreach (var unit in expected.GetProperty("spike_times_by_unit_id").EnumerateObject())
        {
            var spikes = unit.Value.EnumerateArray().Select(v => v.GetDouble()).ToArray();
            Assert.Equal(spikes, recording.Neuron(unit.Name).SpikeTimes);
        }
    }

    [Fact]
    public void UnitWithNoSpikesIsKeptAndColumnsBecomeAttributes()
    {
        var expected = TestData.Expected(RaggedCase);

        var recording = RecordingReader.Read(TestData.Case(RaggedCase, "units.nwb"));

        Assert.Equal([3, 0, 4, 1, 4], recording.Neurons.Select(n => n.SpikeCount));
        foreach (var unit in expected.GetProperty("quality_by_unit_id").EnumerateObject())
        {
            Assert.Equal(unit.Value.GetString(), recording.Neuron(unit.Name).Attributes["quality"]);
        }
    }

    [Fact]
    public void UnitsOnlyFileIsAcceptedButRefusesRateMapsWithAReason()
    {
        var recording = RecordingReader.Read(TestData.Case(RaggedCase, "units.nwb"));

        var error = Assert.Throws<InvalidOperationException>(() => SpatialGrid.ForRecording(recording));

        Assert.False(recording.HasPosition);
        Assert.Contains("units.nwb has no position (no SpatialSeries under /processing", error.Message);
        Assert.Contains("rate maps and noise ceilings need the animal's path", error.Message);
    }

    [Fact]
    public void RealPynappleNwbFileReadsItsThreeUnits()
    {
        var path = Path.Combine(TestData.RepositoryRoot, "data", "nwb", "A8604-211122.nwb");

        var recording = RecordingReader.Read(path);

        Assert.Equal(RecordingFormat.Nwb, recording.Format);
        Assert.Equal(["6", "191", "206"], recording.NeuronIds);
        Assert.Equal([11020, 4690, 5644], recording.Neurons.Select(n => n.SpikeCount));
        Assert.Equal("2.4.0", recording.Metadata.Attributes["nwb_version"]);
        Assert.Equal("A8604-211122", recording.Metadata.Attributes["identifier"]);
        Assert.InRange(recording.StartS, 0.02, 0.03);
        Assert.InRange(recording.EndS, 1087.3, 1087.4);
        Assert.Null(recording.Position);
    }

    [Theory]
    [InlineData("position_timestamps.nwb")]
    [InlineData("position_rate.nwb")]
    public void SpatialSeriesAppliesConversionOffsetAndUnitToCentimetres(string file)
    {
        var native = TestData.ReadFixture("good_native.h5");

        var nwb = RecordingReader.Read(TestData.Fixture(file));

        // Stored as (cm/100 − 0.25)/1e-4 in float64 (timestamps file) or float32 (rate file); reading
        // back × conversion + offset, × 100: float64 round trip ≈ 1e-12 cm, float32 storage of values
        // up to 7.5e3 keeps 24 bits, i.e. ≈ 5e-4 raw units = 5e-6 cm after × 1e-2.
        var tolerance = file == "position_rate.nwb" ? 1e-5 : 1e-9;
        Assert.Equal(native.Position!.SampleCount, nwb.Position!.SampleCount);
        for (var i = 0; i < native.Position.SampleCount; i++)
        {
            Assert.Equal(native.Position.X[i], nwb.Position.X[i], tolerance);
            Assert.Equal(native.Position.Y[i], nwb.Position.Y[i], tolerance);
        }

        Assert.Equal(["101", "102", "103", "104"], nwb.NeuronIds);
        Assert.Equal(native.Neurons.Select(n => n.SpikeCount), nwb.Neurons.Select(n => n.SpikeCount));
        Assert.True(nwb.Arena!.InferredFromTracking);
    }

    [Fact]
    public void NwbHasNoArenaSoItIsInferredUnlessGiven()
    {
        var inferred = TestData.ReadFixture("position_timestamps.nwb");
        var options = new RecordingReadOptions { Arena = Arena.Square(100) };
        var given = TestData.ReadFixture("position_timestamps.nwb", options);

        Assert.True(inferred.Arena!.InferredFromTracking);
        Assert.False(given.Arena!.InferredFromTracking);
        Assert.Equal(400, SpatialGrid.ForRecording(given).BinCount);
    }

    [Fact]
    public void OneDimensionalPositionIsNotSupported()
    {
        var error = TestData.Refusal<NotSupportedException>("position_linear.nwb");

        Assert.Contains("position_linear.nwb: /processing/behavior/Position/head/data holds one coordinate " +
                        "per sample", error.Message);
    }

    [Fact]
    public void StartingTimeAndRateGiveRegularTimes()
    {
        var recording = TestData.ReadFixture("position_rate.nwb");

        var times = recording.Position!.Times;

        Assert.Equal(0.0, times[0]);
        Assert.Equal(1499 / 50.0, times[^1], 1e-12);
        Assert.Equal(0.02, recording.Position.MedianIntervalS, 1e-12);
    }

    [Fact]
    public void ExplicitPositionPathThatIsMissingIsNamed()
    {
        var options = new RecordingReadOptions { NwbPositionPath = "/processing/behavior/Position/nose" };

        var error = TestData.Refusal<InvalidDataException>("position_timestamps.nwb", options);

        Assert.Contains("position_timestamps.nwb: /processing/behavior/Position/nose: missing; expected a " +
                        "SpatialSeries", error.Message);
    }

    public static TheoryData<string> BackCompatFiles()
    {
        var data = new TheoryData<string>();
        var folder = Path.GetDirectoryName(TestData.Case("nwb-back-compat", Path.Combine("files", "any.nwb")))!;
        foreach (var file in Directory.GetFiles(folder, "*.nwb").Order())
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BackCompatFiles))]
    public void EveryPynwbReleaseFileOpensAndNamesWhatIsMissing(string file)
    {
        var expected = JsonDocument.Parse(File.ReadAllText(TestData.Case("nwb-back-compat", "expected.json")))
            .RootElement.GetProperty("files").EnumerateArray()
            .Single(f => f.GetProperty("file").GetString() == "files/" + file);
        var path = TestData.Case("nwb-back-compat", Path.Combine("files", file));

        var format = RecordingReader.DetectFormat(path);
        var error = Assert.Throws<InvalidDataException>(() => RecordingReader.Read(path));

        Assert.Equal(RecordingFormat.Nwb, format);
        Assert.False(expected.GetProperty("units_exists").GetBoolean());
        Assert.Contains(file, error.Message);
        Assert.Contains("/units", error.Message);
        Assert.Contains("SpatialSeries under /processing", error.Message);
    }
}
