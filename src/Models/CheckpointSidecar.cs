using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NeuralPredictivity.Models;

/// <summary>The JSON file beside a checkpoint's weights: every hyperparameter, the training curve,
/// file hashes.</summary>
/// <remarks>
/// A checkpoint named <c>X</c> is three files: <c>X.json</c> (this), <c>X.weights</c> (TorchSharp's
/// parameter format, keys as in <see cref="PathIntegratorNetwork"/>) and, while training can resume,
/// <c>X.optimizer</c> (Adam's moments and step count). Each file is written to a temporary name and
/// renamed; the sidecar is renamed last and holds the SHA-256 of the others, so a crash between two
/// renames is detected on load instead of silently pairing old and new files. Every field except
/// <see cref="TrainingSeconds"/> is the same for the same settings.
/// </remarks>
internal sealed class CheckpointSidecar
{
    internal const string CurrentFormat = "neuralpredictivity/path-integrator/1";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public string Format { get; set; } = CurrentFormat;

    public PathIntegratorOptions Network { get; set; } = new();

    public TrainingOptions? Training { get; set; }

    public int CompletedSteps { get; set; }

    public double TrainingSeconds { get; set; }

    public List<TrainingCurvePoint> Curve { get; set; } = [];

    /// <summary>Where the weights came from when not trained here (e.g. an imported PyTorch state dict).</summary>
    public string? ImportedFrom { get; set; }

    /// <summary>Place-cell centres (x then y, m) when they are not the ones generated from the seed.</summary>
    public double[][]? PlaceCellCentres { get; set; }

    public string WeightsFile { get; set; } = "";

    public string WeightsSha256 { get; set; } = "";

    public string? OptimizerFile { get; set; }

    public string? OptimizerSha256 { get; set; }

    public string Toolkit { get; set; } = typeof(CheckpointSidecar).Assembly.GetName().Version?.ToString() ?? "";

    public string TorchSharp { get; set; } = typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString() ?? "";

    /// <summary>The base path of a checkpoint given as X, X.json or X.weights.</summary>
    internal static string BasePath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        foreach (var extension in new[] { ".json", ".weights", ".optimizer" })
        {
            if (path.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return path[..^extension.Length];
            }
        }

        return path;
    }

    internal static string SidecarPath(string basePath) => basePath + ".json";

    internal static string WeightsPath(string basePath) => basePath + ".weights";

    internal static string OptimizerPath(string basePath) => basePath + ".optimizer";

    internal static CheckpointSidecar Read(string basePath)
    {
        var path = SidecarPath(basePath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"{path}: checkpoint sidecar not found; a checkpoint is X.json + X.weights (+ X.optimizer).", path);
        }

        CheckpointSidecar? sidecar;
        try
        {
            sidecar = JsonSerializer.Deserialize<CheckpointSidecar>(File.ReadAllText(path), JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not a readable checkpoint sidecar ({ex.Message}).", ex);
        }

        if (sidecar is null || sidecar.Format != CurrentFormat)
        {
            throw new InvalidDataException(
                $"{path}: format is '{sidecar?.Format}', expected '{CurrentFormat}'.");
        }

        var problems = sidecar.Network.Problems();
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"{path}: network settings are invalid: {string.Join("; ", problems)}.");
        }

        return sidecar;
    }

    /// <summary>Checks that a file next to the sidecar is the one the sidecar describes.</summary>
    internal static void VerifyHash(string basePath, string file, string? expectedSha256)
    {
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"{file}: missing; {SidecarPath(basePath)} refers to it.", file);
        }

        var actual = Sha256(file);
        if (!string.Equals(actual, expectedSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException(
                $"{file}: SHA-256 is {actual} but {SidecarPath(basePath)} records {expectedSha256}; the files " +
                "come from different saves (an interrupted write?). Restore a consistent copy or retrain.");
        }
    }

    /// <summary>Writes the sidecar atomically, after the files it describes are in place.</summary>
    internal void Write(string basePath)
    {
        var json = JsonSerializer.Serialize(this, JsonOptions);
        WriteAtomically(SidecarPath(basePath), temporary =>
            File.WriteAllText(temporary, json + "\n", new System.Text.UTF8Encoding(false)));
    }

    /// <summary>Writes through a temporary file in the same folder, then renames it over the target.</summary>
    /// <param name="path">Final path.</param>
    /// <param name="write">Writes the whole content to the temporary path it is given.</param>
    internal static void WriteAtomically(string path, Action<string> write)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        try
        {
            write(temporary);
            using (var stream = new FileStream(temporary, FileMode.Open, FileAccess.ReadWrite))
            {
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    internal static string Sha256(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
