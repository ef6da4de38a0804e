using Microsoft.Extensions.Logging;
using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Benchmark;

/// <summary>
/// The value of <c>--dataset</c>: a registered name or a recording file, resolved and opened the same way by
/// every command that takes it (<c>run</c>, <c>sweep</c>, <c>gridscores</c>, <c>models preview</c> and
/// <c>models match</c>).
/// </summary>
/// <remarks>
/// A name is looked up in the registry, which holds the bundled recordings and those added with
/// <c>datasets add</c> (native HDF5, NWB 2.x, MATLAB v7.3, each with its registered settings); any other value
/// must be an existing file, read with detected settings. Either way the file goes through
/// <see cref="RecordingReader"/>, which checks type, byte order, filters, truncation and time before a map is
/// built, so a corrupt file is refused here instead of giving wrong maps later. Every refusal is a
/// <see cref="SettingsProblem"/> naming <c>--dataset</c>; a value that is neither a name nor a file lists the
/// registered names.
/// </remarks>
public static class DatasetOption
{
    /// <summary>The option every problem names.</summary>
    public const string Name = "--dataset";

    /// <summary>Why neuron rate maps need the tracked path, as the problem of a recording without one says.</summary>
    public const string RateMapsNeed = "rate maps need where the animal was";

    /// <summary>Opens and validates the recording a <c>--dataset</c> value names.</summary>
    /// <param name="registry">Where names are looked up: <see cref="DatasetRegistry.Default"/> for a user.</param>
    /// <param name="dataset">A registered name or a file path, as the user wrote it.</param>
    /// <param name="logger">Receives the reader's information and warnings; null for none.</param>
    /// <exception cref="InvalidSettingsException">The value is neither a registered name nor a file, or the
    /// file cannot be read as a recording; the one problem names <c>--dataset</c> and the file.</exception>
    public static Recording Open(DatasetRegistry registry, string dataset, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(dataset);
        var problems = new List<SettingsProblem>();
        if (Resolve(registry, dataset, problems) is null)
        {
            throw new InvalidSettingsException(problems);
        }

        return Read(registry, dataset, logger);
    }

    /// <summary>The recording's tracked path, or a problem naming <c>--dataset</c> when it has none.</summary>
    /// <param name="recording">A recording opened from <paramref name="dataset"/>.</param>
    /// <param name="dataset">The <c>--dataset</c> value, as the user wrote it.</param>
    /// <param name="need">What the path is needed for, shown in the message, e.g. <see cref="RateMapsNeed"/>.
    /// </param>
    /// <exception cref="InvalidSettingsException">The recording holds no position.</exception>
    public static PositionTrack RequirePosition(Recording recording, string dataset, string need)
    {
        ArgumentNullException.ThrowIfNull(recording);
        return recording.Position
            ?? throw new InvalidSettingsException([WithoutPosition(recording, dataset, need)]);
    }

    /// <summary>The recording's arena, or a problem naming <c>--dataset</c> when nobody gave one.</summary>
    /// <remarks>A recording with position always has an arena (from the file, from <c>datasets add
    /// --arena-size</c>, or inferred from the tracked extent); one without position has an arena only when it
    /// was registered with <c>--arena-size</c>.</remarks>
    /// <exception cref="InvalidSettingsException">The recording has neither position nor a given arena.</exception>
    public static Arena RequireArena(Recording recording, string dataset)
    {
        ArgumentNullException.ThrowIfNull(recording);
        return recording.Arena ?? throw new InvalidSettingsException(
        [
            new SettingsProblem(Name,
                "a recording with an arena (tracked position, or a size given with datasets add --arena-size)",
                $"'{dataset}' ({recording.SourcePath}) holds {recording.Neurons.Count} units but no position and " +
                "no arena size; register it with: predictivity datasets add NAME PATH --arena-size SIDE"),
        ]);
    }

    /// <summary>The registry entry <paramref name="dataset"/> names, or null with a problem added.</summary>
    /// <remarks>Cheap: nothing but the registry file is read, so a command can report this problem with the
    /// others before reading a large recording.</remarks>
    internal static DatasetEntry? Resolve(DatasetRegistry registry, string dataset, List<SettingsProblem> problems)
    {
        try
        {
            if (registry.Find(dataset) is null && !File.Exists(dataset))
            {
                problems.Add(NotFound(dataset, registry));
                return null;
            }

            return registry.Resolve(dataset);
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or IOException)
        {
            problems.Add(new SettingsProblem(Name, "a registered dataset name or a recording file",
                $"'{dataset}': {ErrorMessage.Of(e)}"));
            return null;
        }
    }

    /// <summary>Reads and validates the recording, turning the reader's refusal into a problem.</summary>
    /// <exception cref="InvalidSettingsException">The file cannot be read as a recording.</exception>
    internal static Recording Read(DatasetRegistry registry, string dataset, ILogger? logger)
    {
        try
        {
            return registry.Open(dataset, logger);
        }
        catch (Exception e) when (e is ArgumentException or FileNotFoundException or InvalidDataException
            or NotSupportedException)
        {
            throw new InvalidSettingsException(
            [
                new SettingsProblem(Name, "a readable recording (a registered name or a file path)",
                    $"'{dataset}': {ErrorMessage.Of(e)}"),
            ]);
        }
    }

    /// <summary>The problem of a recording without units, given to a command that maps or regresses neurons.
    /// </summary>
    /// <remarks>A trajectory-only file is a valid recording (it can drive a network along the animal's path), so
    /// the readers accept it; only the commands that need neurons refuse it, before any work.</remarks>
    public static SettingsProblem WithoutUnits(Recording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        return new SettingsProblem(Name, "a recording with at least one unit", $"0 units in {recording.SourcePath}");
    }

    /// <summary>The problem of a recording without the tracked path a command needs.</summary>
    internal static SettingsProblem WithoutPosition(Recording recording, string dataset, string need) =>
        new(Name, $"a recording with tracked position ({need})",
            $"'{dataset}' ({recording.SourcePath}) holds {recording.Neurons.Count} units but no position");

    /// <summary>The problem of a value that is neither a registered name nor a file: the names there are and
    /// where the path led.</summary>
    private static SettingsProblem NotFound(string dataset, DatasetRegistry registry)
    {
        var names = string.Join(", ", registry.Entries().Select(e => e.Name));
        var path = Path.GetFullPath(dataset);
        var where = Directory.Exists(path) ? $"{path} is a folder, not a file" : $"there is no file {path}";
        return new SettingsProblem(Name, $"a registered dataset ({names}) or a recording file",
            $"'{dataset}': no dataset has that name and {where}. Register a file with: predictivity datasets " +
            "add NAME PATH");
    }
}
