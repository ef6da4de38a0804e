using NeuralPredictivity.Models;

namespace NeuralPredictivity.Cli.Commands;

/// <summary>The network half of <c>predictivity models list</c>: the trained, untrained and shuffled network
/// families with their parameters, and the checkpoints a trained spec can name.</summary>
/// <remarks>
/// Network maps are rates of the recurrent units driven along trajectories in the dataset's arena (synthetic
/// random walks, or the animal's path with <c>--trajectory animal</c>), binned on the recording's grid; the
/// grammar itself is <see cref="Benchmark.ModelSpec"/>'s.
/// </remarks>
internal static class NetworkFamilyList
{
    /// <summary>Writes the families and the checkpoints; returns true when a listed checkpoint failed to load.
    /// </summary>
    /// <param name="output">Where the listing goes.</param>
    /// <param name="error">Where unreadable checkpoints are reported, by path and reason.</param>
    /// <param name="extra">Checkpoint files (X.json) or folders of them to describe besides the bundled one.</param>
    internal static bool Write(TextWriter output, TextWriter error, IReadOnlyList<string> extra)
    {
        var bundledUnits = BundledUnits();
        output.WriteLine("Network families (path integrators: recurrent units' rate maps from trajectories " +
            "in the dataset's arena):");
        output.WriteLine();
        output.WriteLine(
            "trained    trained:checkpoint=…,d=…,reduce=…,seed=…   (also: bundled, or a bare checkpoint path)");
        output.WriteLine("    A trained network's learned representation. With d, its maps are reduced to " +
            "dimension d: projected on their top d principal components (the trained family of a sweep) or " +
            "d units drawn at random.");
        Parameter(output, "checkpoint", "bundled", "checkpoint sidecar X.json (X and X.weights also accepted)");
        Parameter(output, "d", "all units",
            $"dimension; an integer in 1…the network's units ({bundledUnits} for the bundled model)");
        Parameter(output, "reduce", "pca",
            "pca: projection on the top d principal components; units: d random units; one of pca, units");
        Parameter(output, "seed", "derived", "seed of reduce=units and of shuffling; an integer ≥ 0");
        output.WriteLine();
        output.WriteLine("untrained  untrained:d=…,seed=…");
        output.WriteLine("    The bundled network's architecture, targets and place cells with fresh weights " +
            "(PyTorch's default initialisation): the representation before any path-integration training.");
        Parameter(output, "d", bundledUnits, "hidden units, which are the features; an integer ≥ 1");
        Parameter(output, "seed", "derived", "initialisation seed; same seed, same weights; an integer ≥ 0");
        output.WriteLine();
        output.WriteLine("shuffled   shuffled | shuffled:trained:… | shuffled:untrained:…");
        output.WriteLine("    A network's maps with their bins permuted (same spectrum and participation ratio, no " +
            "spatial structure); bare 'shuffled' is the bundled trained network.");
        output.WriteLine();
        output.WriteLine("Checkpoints (trained:checkpoint=PATH):");
        var failed = false;
        Describe(output, error, PathIntegrator.BundledCheckpointPath, "bundled", ref failed);
        foreach (var path in extra.SelectMany(Sidecars))
        {
            Describe(output, error, path, null, ref failed);
        }

        return failed;
    }

    private static void Parameter(TextWriter output, string name, string defaultText, string description) =>
        output.WriteLine($"    {name,-10}  default {defaultText,-9} {description}");

    private static string BundledUnits()
    {
        try
        {
            using var network = PathIntegrator.LoadBundled();
            return network.HiddenSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
        {
            return "512";
        }
    }

    /// <summary>A checkpoint file as given, or every checkpoint sidecar (*.json with a .weights) in a folder.
    /// </summary>
    private static IEnumerable<string> Sidecars(string path) => Directory.Exists(path)
        ? Directory.EnumerateFiles(path, "*.json").Where(f => File.Exists(f[..^5] + ".weights")).Order()
        : [path];

    private static void Describe(TextWriter output, TextWriter error, string path, string? label, ref bool failed)
    {
        try
        {
            using var network = PathIntegrator.Load(path);
            var name = Path.GetFileNameWithoutExtension(path);
            output.WriteLine($"  {name}{(label is null ? "" : $" ({label})")}: {network}");
            output.WriteLine($"      {(label is null ? Path.GetFullPath(path) : "models/" + Path.GetFileName(path))}");
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or ArgumentException
                                       or NotSupportedException or IOException)
        {
            error.WriteLine($"models list: cannot read checkpoint '{Path.GetFullPath(path)}': {e.Message}");
            failed = true;
        }
    }
}
