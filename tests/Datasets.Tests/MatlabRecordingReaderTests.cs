namespace NeuralPredictivity.Datasets.Tests;

/// <summary>A session read from MATLAB v7.3 through a variable map equals the same session read natively.</summary>
public sealed class MatlabRecordingReaderTests
{
    private static readonly MatlabVariableMap Map = MatlabVariableMap.Parse(
        ["t=session.post", "x=session.pos(:,1)", "y=session.pos(:,2)", "spikes=spikes", "ids=unit_names"]);

    [Fact]
    public void MappedVariablesGiveTheSameSessionAsTheNativeFile()
    {
        var native = TestData.ReadFixture("good_native.h5");

        var matlab = TestData.ReadFixture("session_v73.mat", new RecordingReadOptions { MatlabVariables = Map });

        Assert.Equal(RecordingFormat.MatlabV73, matlab.Format);
        Assert.Equal(native.Position!.Times, matlab.Position!.Times);
        Assert.Equal(native.Position.X, matlab.Position.X);
        Assert.Equal(native.Position.Y, matlab.Position.Y);
        Assert.Equal(native.NeuronIds, matlab.NeuronIds);
        for (var n = 0; n < native.Neurons.Count; n++)
        {
            Assert.Equal(native.Neurons[n].SpikeTimes, matlab.Neurons[n].SpikeTimes);
        }

        Assert.Equal(0, matlab.Neuron("T9C9").SpikeCount);
    }

    [Fact]
    public void WithoutIdsNeuronsAreNumberedInCellOrder()
    {
        var map = Map with { NeuronIds = null };

        var recording = TestData.ReadFixture("session_v73.mat", new RecordingReadOptions { MatlabVariables = map });

        Assert.Equal(["1", "2", "3", "4"], recording.NeuronIds);
    }

    [Fact]
    public void LengthUnitScalesPositionsToCentimetres()
    {
        var map = Map with { LengthUnit = "mm" };
        var native = TestData.ReadFixture("good_native.h5");

        var recording = TestData.ReadFixture("session_v73.mat", new RecordingReadOptions { MatlabVariables = map });

        Assert.Equal(native.Position!.X[10] * 0.1, recording.Position!.X[10], 1e-12);
    }

    [Fact]
    public void MissingVariableMapIsAskedFor()
    {
        var error = TestData.Refusal<ArgumentException>("session_v73.mat");

        Assert.Contains("session_v73.mat: a MATLAB file needs a variable map", error.Message);
    }

    [Fact]
    public void MatrixWithoutAColumnIsRefusedWithTheFix()
    {
        var map = Map with { X = "session.pos" };

        var error = Assert.Throws<InvalidDataException>(() =>
            TestData.ReadFixture("session_v73.mat", new RecordingReadOptions { MatlabVariables = map }));

        Assert.Contains("session.pos is a 1500×2 matrix; expected a vector of x positions. " +
                        "Pick a column with session(:,k)", error.Message);
    }

    [Fact]
    public void UnknownFieldListsTheFieldsThatExist()
    {
        var map = Map with { Time = "session.times" };

        var error = Assert.Throws<InvalidDataException>(() =>
            TestData.ReadFixture("session_v73.mat", new RecordingReadOptions { MatlabVariables = map }));

        Assert.Contains("struct session has no field 'times'; its fields are pos, post, arena_cm", error.Message);
    }

    [Fact]
    public void MapParsingReportsEveryProblemAtOnce()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            MatlabVariableMap.Parse(["t=post", "t=again", "colour=red", "x=pos(:,0)", "length-unit=furlong"]));

        Assert.Contains("key 't' is given twice", error.Message);
        Assert.Contains("unknown key 'colour'", error.Message);
        Assert.Contains("key 'y' is missing", error.Message);
        Assert.Contains("key 'spikes' is missing", error.Message);
        Assert.Contains("x=pos(:,0) is not a variable reference", error.Message);
        Assert.Contains("length-unit=furlong", error.Message);
    }

    [Fact]
    public void MapRoundTripsThroughItsEntries()
    {
        Assert.Equal(Map, MatlabVariableMap.Parse(Map.ToEntries()));
    }
}
