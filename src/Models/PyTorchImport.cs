using System.Collections;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace NeuralPredictivity.Models;

/// <summary>Maps a PyTorch state dict onto a <see cref="PathIntegratorNetwork"/>.</summary>
internal static class PyTorchImport
{
    private const string DataParallelPrefix = "module.";

    internal static PathIntegrator Import(string path, PathIntegratorOptions options, double[,]? placeCellCentres)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: PyTorch state dict not found.", path);
        }

        var tensors = ReadStateDict(path);
        try
        {
            var network = new PathIntegratorNetwork(options);
            var expected = network.state_dict();
            var problems = new List<string>();
            foreach (var key in tensors.Keys.Except(expected.Keys).Order(StringComparer.Ordinal))
            {
                problems.Add($"unexpected key '{key}' {Shape(tensors[key])}");
            }

            foreach (var (key, target) in expected.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (!tensors.TryGetValue(key, out var source))
                {
                    problems.Add($"missing key '{key}' (expected {Shape(target)})");
                }
                else if (!source.shape.SequenceEqual(target.shape))
                {
                    problems.Add($"'{key}' is {Shape(source)}, expected {Shape(target)}");
                }
            }

            if (problems.Count > 0)
            {
                network.Dispose();
                throw new InvalidDataException(
                    $"{path}: the state dict does not fit a {PathIntegrator.Describe(options)} network: " +
                    string.Join("; ", problems) + ". Set the core, hidden size, place-cell count and targets the " +
                    "network was trained with.");
            }

            using (no_grad())
            {
                foreach (var (key, target) in expected)
                {
                    target.copy_(tensors[key].to_type(ScalarType.Float32));
                }
            }

            network.eval();
            var sidecar = new CheckpointSidecar { Network = options, ImportedFrom = Path.GetFullPath(path) };
            return new PathIntegrator(network, new PositionTargets(options, placeCellCentres), sidecar);
        }
        finally
        {
            foreach (var tensor in tensors.Values)
            {
                tensor.Dispose();
            }
        }
    }

    private static Dictionary<string, Tensor> ReadStateDict(string path)
    {
        var magic = new byte[4];
        using (var stream = File.OpenRead(path))
        {
            stream.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        }

        if (magic[0] == 0x80 && magic[1] <= 5)
        {
            throw new NotSupportedException(
                $"{path}: written in torch.save's legacy format " +
                "(PyTorch < 1.6 or _use_new_zipfile_serialization=False), " +
                "which cannot be read without Python. Re-save it with torch.save(torch.load(path), new_path) in " +
                "PyTorch 1.6 or later.");
        }

        Hashtable table;
        try
        {
            table = PyTorchUnpickler.UnpickleStateDict(path);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new InvalidDataException(
                $"{path}: not a PyTorch state dict in torch.save's zip format ({ex.GetType().Name}: {ex.Message}). " +
                "Save it with torch.save(model.state_dict(), path) from PyTorch 1.6 or later.", ex);
        }

        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in table)
        {
            var key = entry.Key.ToString() ?? "";
            if (entry.Value is not Tensor tensor)
            {
                throw new InvalidDataException($"{path}: entry '{key}' is not a tensor; expected a flat state dict.");
            }

            tensors[key.StartsWith(DataParallelPrefix, StringComparison.Ordinal)
                ? key[DataParallelPrefix.Length..]
                : key] = tensor;
        }

        return tensors;
    }

    private static string Shape(Tensor tensor) => "(" + string.Join(" × ", tensor.shape) + ")";
}
