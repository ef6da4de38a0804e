namespace NeuralPredictivity.Datasets.Tests;

/// <summary>The registry: bundled datasets always present, user datasets validated before they are written.</summary>
public sealed class DatasetRegistryTests
{
    private static DatasetEntry Entry(string name, string fixture) =>
        new() { Name = name, Path = TestData.Fixture(fixture) };

    private static DatasetRegistry NewRegistry() =>
        new(Path.Combine(Directory.CreateTempSubdirectory("np-registry-").FullName, "config", "datasets.json"),
            Path.Combine(TestData.RepositoryRoot, "data", "mec"));

    [Fact]
    public void BundledDatasetsAreAlwaysRegisteredAndOpenByName()
    {
        var registry = NewRegistry();

        var names = registry.Entries().Select(e => e.Name).ToArray();
        var ben = registry.Open("stensola2012_ben");

        Assert.Equal(DatasetRegistry.BundledNames, names);
        Assert.Equal(65, ben.Neurons.Count);
        Assert.Equal("stensola2012_ben", ben.Name);
        Assert.Equal(900, SpatialGrid.ForRecording(ben).BinCount);
    }

    [Fact]
    public void AddedNwbFileIsWrittenReadablyAndOpensWithItsSettings()
    {
        var registry = NewRegistry();
        var file = TestData.TemporaryCopy(TestData.Fixture("position_timestamps.nwb"));

        registry.Add(new DatasetEntry { Name = "sargolini_nwb", Path = file, Arena = Arena.Square(100) });
        var reopened = new DatasetRegistry(registry.RegistryPath, registry.BundledDirectory).Open("sargolini_nwb");

        var json = File.ReadAllText(registry.RegistryPath);
        Assert.Contains("\"name\": \"sargolini_nwb\"", json);
        Assert.Contains("\"format\": \"nwb\"", json);
        Assert.Contains("\"width_cm\": 100", json);
        Assert.False(reopened.Arena!.InferredFromTracking);
        Assert.Equal(100, reopened.Arena.WidthCm);
        Assert.Equal(4, reopened.Neurons.Count);
    }

    [Fact]
    public void AddedMatlabFileKeepsItsVariableMap()
    {
        var registry = NewRegistry();
        var map = MatlabVariableMap.Parse(
            ["t=session.post", "x=session.pos(:,1)", "y=session.pos(:,2)", "spikes=spikes"]);

        registry.Add(Entry("mat", "session_v73.mat") with { MatlabVariables = map });

        Assert.Equal(map, registry.Find("mat")!.MatlabVariables);
        Assert.Equal(1500, registry.Open("mat").Position!.SampleCount);
    }

    [Theory]
    [InlineData("t_decreasing.h5", "time must increase strictly")]
    [InlineData("missing_position_t.h5", "/position/t: missing")]
    [InlineData("x_longer_than_t.h5", "holds 1501 samples")]
    [InlineData("int64_spike_times.h5", "found int64")]
    [InlineData("lzf_positions.h5", "LZF")]
    public void BrokenFileIsRefusedAndNothingIsRegistered(string fixture, string message)
    {
        var registry = NewRegistry();

        var error = Assert.ThrowsAny<Exception>(() => registry.Add(Entry("broken", fixture)));

        Assert.True(error is InvalidDataException or NotSupportedException, error.GetType().Name);
        Assert.Contains(fixture, error.Message);
        Assert.Contains(message, error.Message);
        Assert.Null(registry.Find("broken"));
        Assert.False(File.Exists(registry.RegistryPath));
    }

    [Fact]
    public void BundledAndTakenNamesAreRefusedUnlessReplacing()
    {
        var registry = NewRegistry();
        registry.Add(new DatasetEntry { Name = "excerpt", Path = TestData.Fixture("good_native.h5") });

        Assert.Throws<ArgumentException>(() => registry.Add(Entry("stensola2012_ben", "good_native.h5")));
        Assert.Throws<ArgumentException>(() => registry.Add(Entry("excerpt", "no_arena.h5")));
        Assert.Throws<ArgumentException>(() => registry.Add(Entry("bad name", "good_native.h5")));
        registry.Add(new DatasetEntry { Name = "excerpt", Path = TestData.Fixture("no_arena.h5") }, replace: true);

        Assert.EndsWith("no_arena.h5", registry.Find("excerpt")!.Path);
        Assert.True(registry.Remove("excerpt"));
        Assert.False(registry.Remove("excerpt"));
        Assert.Throws<ArgumentException>(() => registry.Remove("stensola2012_ben"));
    }

    [Fact]
    public void UnknownNameOrPathListsWhatIsRegistered()
    {
        var error = Assert.Throws<ArgumentException>(() => NewRegistry().Resolve("flekken"));

        Assert.Contains("'flekken' is neither a registered dataset nor an existing file", error.Message);
        Assert.Contains("stensola2012_ben", error.Message);
    }

    [Fact]
    public void PathsOpenWithoutRegistering()
    {
        var recording = NewRegistry().Open(TestData.Fixture("good_native.h5"));

        Assert.Equal("good_native", recording.Name);
    }

    [Fact]
    public void MalformedRegistryFileIsReportedWithItsPath()
    {
        var registry = NewRegistry();
        Directory.CreateDirectory(Path.GetDirectoryName(registry.RegistryPath)!);
        File.WriteAllText(registry.RegistryPath, "{ \"schema\": \"something-else\" }");

        var error = Assert.Throws<InvalidDataException>(() => registry.Entries());

        Assert.Contains(registry.RegistryPath, error.Message);
        Assert.Contains("something-else", error.Message);
    }
}
