using NeuralPredictivity.Models;

namespace NeuralPredictivity.Benchmark.Tests;

/// <summary>Changing the process's base directory while other tests run could move what they read, so these
/// tests run alone.</summary>
[CollectionDefinition(nameof(ToolkitLocationTests), DisableParallelization = true)]
public sealed class ToolkitLocationCollection;

[Collection(nameof(ToolkitLocationTests))]
public sealed class ToolkitLocationTests : IDisposable
{
    private const string Key = "APP_CONTEXT_BASE_DIRECTORY";
    private readonly object? _original = AppContext.GetData(Key);
    private readonly string _root = Directory.CreateTempSubdirectory("np-location-").FullName;

    public void Dispose()
    {
        AppContext.SetData(Key, _original);
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void BundledResourcesAreFoundInTheGivenBuildOutput()
    {
        // The folder links to this test's own data and models: the same files, found through another folder.
        var output = Path.Combine(_root, "build");
        Directory.CreateDirectory(output);
        Directory.CreateSymbolicLink(Path.Combine(output, "data"), Path.Combine(AppContext.BaseDirectory, "data"));
        Directory.CreateSymbolicLink(Path.Combine(output, "models"), Path.Combine(AppContext.BaseDirectory, "models"));

        var used = ToolkitLocation.Use(output);

        Assert.Equal(output + Path.DirectorySeparatorChar, used);
        Assert.Equal(used, AppContext.BaseDirectory);
        Assert.StartsWith(used, PathIntegrator.BundledCheckpointPath);
        Assert.True(File.Exists(PathIntegrator.BundledCheckpointPath));
    }

    [Fact]
    public void AFolderWithoutDataOrModelIsRefusedAndNothingChanges()
    {
        var before = AppContext.BaseDirectory;

        var error = Assert.Throws<DirectoryNotFoundException>(() => ToolkitLocation.Use(_root));

        Assert.Contains("data/mec", error.Message);
        Assert.Contains($"models/{PathIntegrator.BundledName}.json", error.Message);
        Assert.Contains(_root, error.Message);
        Assert.Equal(before, AppContext.BaseDirectory);
    }
}
