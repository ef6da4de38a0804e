using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Baselines.Tests;

/// <summary>The real arenas and grids the tests use, and where the bundled files are.</summary>
internal static class TestGrids
{
    /// <summary>Stensola et al. 2012 session BEN: 150 cm square box centred at (0, 0).</summary>
    internal static Arena StensolaArena { get; } = Arena.Square(150);

    /// <summary>30 × 30 = 900 bins of 5 cm over the BEN box.</summary>
    internal static SpatialGrid StensolaGrid { get; } = SpatialGrid.Centred(0, 0, 150, 150, 5);

    /// <summary>Hafting et al. 2005 Fig. 2c: circular arena of diameter 180 cm centred at (0, 0).</summary>
    internal static Arena HaftingArena { get; } = Arena.Circle(180);

    /// <summary>36 × 36 bins of 5 cm over the Hafting arena's bounding square.</summary>
    internal static SpatialGrid HaftingGrid { get; } = SpatialGrid.Centred(0, 0, 180, 180, 5);

    /// <summary>A bundled recording copied to the test output by the Datasets project.</summary>
    internal static string BundledRecording(string name) =>
        Path.Combine(AppContext.BaseDirectory, "data", "mec", name + ".h5");

    /// <summary>A file under tests/golden/baselines, found by walking up to the solution.</summary>
    internal static string Golden(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NeuralPredictivity.sln")))
        {
            directory = directory.Parent;
        }

        Assert.True(directory is not null, "NeuralPredictivity.sln not found above " + AppContext.BaseDirectory);
        return Path.Combine(directory!.FullName, "tests", "golden", "baselines", name);
    }

    /// <summary>The raw bytes of a (bins × features) matrix, for same-bytes comparisons.</summary>
    internal static byte[] Bytes(double[,] values)
    {
        var bytes = new byte[values.Length * sizeof(double)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        return bytes;
    }
}
