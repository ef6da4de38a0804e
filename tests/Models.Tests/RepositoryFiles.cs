namespace NeuralPredictivity.Models.Tests;

/// <summary>Paths of files checked into the repository, found by walking up to the solution file.</summary>
internal static class RepositoryFiles
{
    internal static string Root { get; } = FindRoot();

    internal static string Golden(params string[] parts) => Path.Combine([Root, "tests", "golden", .. parts]);

    /// <summary>A bundled recording, from the build output where Datasets copies data/mec.</summary>
    internal static string Recording(string fileName)
    {
        var copied = Path.Combine(AppContext.BaseDirectory, "data", "mec", fileName);
        return File.Exists(copied) ? copied : Path.Combine(Root, "data", "mec", fileName);
    }

    /// <summary>Rows of a golden CSV without its comment line, split on commas.</summary>
    internal static IEnumerable<string[]> CsvRows(string path) =>
        File.ReadLines(path).Where(l => !l.StartsWith('#')).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','));

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "NeuralPredictivity.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No NeuralPredictivity.sln above {AppContext.BaseDirectory}.");
    }
}
