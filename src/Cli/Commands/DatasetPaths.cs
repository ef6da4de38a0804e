using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Cli.Commands;

/// <summary>The path shown to the user for a dataset's file.</summary>
/// <remarks>
/// A bundled recording is read from the copy beside the toolkit's assemblies. Run from a source checkout
/// that copy sits deep in the build output (<c>src/Cli/bin/Release/…/data/mec</c>), which the user never
/// put there and a rebuild replaces; the same file is in the checkout's <c>data/mec</c>, the folder the
/// README and data/README.md describe. That path is shown when the two files have the same length; an
/// installed toolkit, or a checkout whose data changed since the build, shows the file actually read.
/// </remarks>
internal static class DatasetPaths
{
    private const string SolutionFile = "NeuralPredictivity.sln";

    /// <summary>The checkout's copy of a bundled dataset when there is one, else <see cref="DatasetEntry.Path"/>.
    /// </summary>
    internal static string Shown(DatasetEntry entry)
    {
        if (!entry.IsBundled || Path.GetDirectoryName(entry.Path) is not { } folder
            || CheckoutData(folder) is not { } data)
        {
            return entry.Path;
        }

        var source = Path.Combine(data, Path.GetFileName(entry.Path));
        return File.Exists(source) && File.Exists(entry.Path)
            && new FileInfo(source).Length == new FileInfo(entry.Path).Length
                ? source
                : entry.Path;
    }

    /// <summary>The <c>data/mec</c> folder of the source checkout holding <paramref name="folder"/>, or null
    /// when the folder is not inside one.</summary>
    internal static string? CheckoutData(string folder)
    {
        for (var current = new DirectoryInfo(folder); current is not null; current = current.Parent)
        {
            var data = Path.Combine(current.FullName, "data", "mec");
            if (File.Exists(Path.Combine(current.FullName, SolutionFile)) && Directory.Exists(data))
            {
                return data;
            }
        }

        return null;
    }
}
