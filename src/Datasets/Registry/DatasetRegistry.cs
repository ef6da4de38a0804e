using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace NeuralPredictivity.Datasets;

/// <summary>Named datasets: the bundled recordings plus those a user registered with <c>datasets add</c>.</summary>
/// <remarks>
/// The registry is a small JSON file, readable and editable by hand, at
/// <c>$NEURALPREDICTIVITY_REGISTRY</c> when that variable is set, else
/// <c>&lt;user config dir&gt;/neuralpredictivity/datasets.json</c> (<c>~/.config/...</c> on Linux).
/// The bundled datasets (stensola2012_ben, hafting2005_fig2c_trial1/2,
/// sargolini2006_10073-17010302) are always registered, resolved from
/// <see cref="BundledDataDirectory"/>, and their names cannot be reused.
/// <see cref="Add"/> reads and validates the whole file before writing anything; the registry is
/// written to a temporary file and then renamed, so a failure never leaves it half-written.
/// </remarks>
public sealed partial class DatasetRegistry
{
    /// <summary>Environment variable that overrides the registry file's location.</summary>
    public const string EnvironmentVariable = "NEURALPREDICTIVITY_REGISTRY";

    private const string Schema = "neuralpredictivity-registry/1";

    /// <summary>Names of the datasets shipped in data/mec, always registered.</summary>
    public static readonly IReadOnlyList<string> BundledNames =
    [
        "stensola2012_ben", "hafting2005_fig2c_trial1", "hafting2005_fig2c_trial2", "sargolini2006_10073-17010302",
    ];

    /// <summary>
    /// A registry stored at <paramref name="registryPath"/> with bundled data in <paramref
    /// name="bundledDirectory"/>.
    /// </summary>
    public DatasetRegistry(string registryPath, string bundledDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(registryPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(bundledDirectory);
        RegistryPath = System.IO.Path.GetFullPath(registryPath);
        BundledDirectory = System.IO.Path.GetFullPath(bundledDirectory);
    }

    /// <summary>The registry file (it need not exist yet).</summary>
    public string RegistryPath { get; }

    /// <summary>Folder holding the bundled .h5 files.</summary>
    public string BundledDirectory { get; }

    /// <summary>
    /// The user's registry: location from <see cref="EnvironmentVariable"/> or the config folder; bundled
    /// data beside the assemblies.
    /// </summary>
    public static DatasetRegistry Default() =>
        new(DefaultRegistryPath(), BundledDataDirectory(AppContext.BaseDirectory));

    /// <summary>Where the bundled recordings are read from, for assemblies in <paramref name="assemblyFolder"/>.
    /// </summary>
    /// <remarks>Run from a build inside a source checkout, this is the checkout's <c>data/mec</c>: the folder the
    /// README describes and the one a user would replace a file in, whereas the copy in the build output only
    /// changes at the next build. An installed toolkit (no checkout above it, or one without every bundled
    /// file) reads the copy beside its assemblies.</remarks>
    public static string BundledDataDirectory(string assemblyFolder)
    {
        var beside = System.IO.Path.Combine(assemblyFolder, "data", "mec");
        for (var folder = new DirectoryInfo(assemblyFolder); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "NeuralPredictivity.sln")))
            {
                var checkout = System.IO.Path.Combine(folder.FullName, "data", "mec");
                return BundledNames.All(name => File.Exists(System.IO.Path.Combine(checkout, name + ".h5")))
                    ? checkout
                    : beside;
            }
        }

        return beside;
    }

    /// <summary>Where the registry file lives unless told otherwise.</summary>
    public static string DefaultRegistryPath()
    {
        var overridden = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(overridden))
        {
            return overridden;
        }

        var config = Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData);
        if (string.IsNullOrEmpty(config))
        {
            config = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
                ".config");
        }

        return System.IO.Path.Combine(config, "neuralpredictivity", "datasets.json");
    }

    /// <summary>Every dataset: the bundled ones first, then the registered ones by name.</summary>
    public IReadOnlyList<DatasetEntry> Entries() =>
        Bundled().Concat(ReadFile().OrderBy(e => e.Name, StringComparer.Ordinal)).ToArray();

    /// <summary>The dataset with this name, or null.</summary>
    public DatasetEntry? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Entries().FirstOrDefault(e => e.Name == name);
    }

    /// <summary>A registered name, or else an existing file path read with detected settings.</summary>
    /// <exception cref="ArgumentException">Neither a registered name nor an existing file.</exception>
    public DatasetEntry Resolve(string nameOrPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        if (Find(nameOrPath) is { } entry)
        {
            return entry;
        }

        if (File.Exists(nameOrPath))
        {
            var full = System.IO.Path.GetFullPath(nameOrPath);
            return new DatasetEntry { Name = System.IO.Path.GetFileNameWithoutExtension(full), Path = full };
        }

        throw new ArgumentException(
            $"'{nameOrPath}' is neither a registered dataset nor an existing file. Registered: " +
            $"{string.Join(", ", Entries().Select(e => e.Name))}. Add one with: predictivity datasets add NAME PATH.",
            nameof(nameOrPath));
    }

    /// <summary>Opens and validates a dataset by registered name or by path.</summary>
    public Recording Open(string nameOrPath, ILogger? logger = null)
    {
        var entry = Resolve(nameOrPath);
        if (!File.Exists(entry.Path))
        {
            throw new FileNotFoundException(
                entry.IsBundled
                    ? $"Bundled dataset {entry.Name} is missing from {entry.Path}; rebuild the toolkit so " +
                        "data/mec is copied."
                    : $"Dataset {entry.Name} is registered at {entry.Path}, which no longer exists. Re-add it " +
                        "with the new path.",
                entry.Path);
        }

        return RecordingReader.Read(entry.Path, entry.ToReadOptions(), logger);
    }

    /// <summary>
    /// Reads and validates the file completely, then registers it; returns the validated recording.
    /// </summary>
    /// <exception cref="ArgumentException">The name is invalid, bundled, or taken (and <paramref
    /// name="replace"/> is false).</exception>
    /// <exception cref="InvalidDataException">The file is malformed (nothing is registered).</exception>
    /// <exception cref="NotSupportedException">The file uses an unsupported feature (nothing is
    /// registered).</exception>
    public Recording Add(DatasetEntry entry, bool replace = false, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        logger ??= NullLogger.Instance;
        CheckName(entry.Name);
        if (BundledNames.Contains(entry.Name))
        {
            throw new ArgumentException($"'{entry.Name}' is a bundled dataset; choose another name.", nameof(entry));
        }

        var existing = ReadFile();
        if (!replace && existing.Any(e => e.Name == entry.Name))
        {
            throw new ArgumentException(
                $"'{entry.Name}' is already registered ({existing.First(e => e.Name == entry.Name).Path}); " +
                "remove it first or add with --replace.", nameof(entry));
        }

        var full = entry with { Path = System.IO.Path.GetFullPath(entry.Path), IsBundled = false };
        var recording = RecordingReader.Read(full.Path, full.ToReadOptions(), logger);
        var stored = full with { Format = recording.Format };
        var entries = existing.Where(e => e.Name != entry.Name).Append(stored);
        WriteFile(entries.OrderBy(e => e.Name, StringComparer.Ordinal).ToList());
        Log.DatasetRegistered(logger, stored.Name, stored.Path, RecordingReader.FormatName(recording.Format),
            RegistryPath);
        return recording;
    }

    /// <summary>Removes a registered dataset; returns false when it was not registered.</summary>
    /// <exception cref="ArgumentException">The name is a bundled dataset.</exception>
    public bool Remove(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (BundledNames.Contains(name))
        {
            throw new ArgumentException($"'{name}' is bundled with the toolkit and cannot be removed.", nameof(name));
        }

        var existing = ReadFile();
        if (existing.All(e => e.Name != name))
        {
            return false;
        }

        WriteFile(existing.Where(e => e.Name != name).ToList());
        return true;
    }

    private IEnumerable<DatasetEntry> Bundled() => BundledNames.Select(name => new DatasetEntry
    {
        Name = name,
        Path = System.IO.Path.Combine(BundledDirectory, name + ".h5"),
        Format = RecordingFormat.Native,
        IsBundled = true,
    });

    private static void CheckName(string name)
    {
        if (!NamePattern().IsMatch(name ?? string.Empty))
        {
            throw new ArgumentException(
                $"Dataset name '{name}' is not valid: use letters, digits, '_', '-' and '.', starting with a " +
                "letter or digit.",
                nameof(name));
        }
    }

    private List<DatasetEntry> ReadFile()
    {
        if (!File.Exists(RegistryPath))
        {
            return [];
        }

        try
        {
            var root = JsonNode.Parse(File.ReadAllText(RegistryPath)) as JsonObject
                       ?? throw new InvalidDataException("the top level is not a JSON object");
            var schema = (string?)root["schema"];
            if (schema != Schema)
            {
                throw new InvalidDataException($"'schema' is \"{schema}\", expected \"{Schema}\"");
            }

            return (root["datasets"] as JsonArray ?? []).Select(node => FromJson(node as JsonObject
                ?? throw new InvalidDataException("an entry of 'datasets' is not an object"))).ToList();
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or InvalidOperationException
                                       or FormatException or ArgumentException)
        {
            throw new InvalidDataException(
                $"{RegistryPath}: the dataset registry is malformed ({ex.Message}). Fix it by hand, or move " +
                "it away " +
                "and register the datasets again.", ex);
        }
    }

    private void WriteFile(List<DatasetEntry> entries)
    {
        var root = new JsonObject
        {
            ["schema"] = Schema,
            ["datasets"] = new JsonArray(entries.Select(e => (JsonNode)ToJson(e)).ToArray()),
        };

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(RegistryPath)!);
        var temporary = RegistryPath + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        File.WriteAllText(temporary, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        File.Move(temporary, RegistryPath, overwrite: true);
    }

    private static JsonObject ToJson(DatasetEntry entry)
    {
        var node = new JsonObject { ["name"] = entry.Name, ["path"] = entry.Path };
        if (entry.Format is { } format)
        {
            node["format"] = RecordingReader.FormatName(format);
        }

        if (entry.Arena is { } arena)
        {
            node["arena"] = new JsonObject
            {
                ["shape"] = arena.Shape.ToString().ToLowerInvariant(),
                ["width_cm"] = arena.WidthCm,
                ["height_cm"] = arena.HeightCm,
                ["centre_x_cm"] = arena.CentreXCm,
                ["centre_y_cm"] = arena.CentreYCm,
            };
        }

        if (entry.NwbPositionPath is { } position)
        {
            node["position_path"] = position;
        }

        if (entry.MatlabVariables is { } map)
        {
            node["map"] = new JsonArray(map.ToEntries().Select(e => (JsonNode)JsonValue.Create(e)!).ToArray());
        }

        return node;
    }

    private static DatasetEntry FromJson(JsonObject node)
    {
        var name = (string?)node["name"] ?? throw new InvalidDataException("an entry has no 'name'");
        var path = (string?)node["path"] ?? throw new InvalidDataException($"entry '{name}' has no 'path'");
        var format = (string?)node["format"];
        Arena? arena = null;
        if (node["arena"] is JsonObject a)
        {
            var shape = Enum.Parse<ArenaShape>((string?)a["shape"] ?? "square", ignoreCase: true);
            arena = new Arena(shape, (double)a["width_cm"]!, (double)a["height_cm"]!,
                              (double?)a["centre_x_cm"] ?? 0, (double?)a["centre_y_cm"] ?? 0);
        }

        return new DatasetEntry
        {
            Name = name,
            Path = path,
            Format = format is null ? null : RecordingReader.ParseFormat(format),
            Arena = arena,
            NwbPositionPath = (string?)node["position_path"],
            MatlabVariables = node["map"] is JsonArray map
                ? MatlabVariableMap.Parse(map.Select(m => (string?)m ?? string.Empty))
                : null,
        };
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")]
    private static partial Regex NamePattern();
}
