using Microsoft.Extensions.Logging;
using PureHDF;

namespace NeuralPredictivity.Datasets;

/// <summary>Reads the toolkit's own HDF5 layout <c>mec-spikes-position/1</c> (data/README.md).</summary>
/// <remarks>
/// Neurons come in the order of <c>/units/ids</c> (HDF5 lists groups alphabetically, which would put
/// T04C10 before T04C2). The arena comes from the root attributes <c>arena_shape</c>,
/// <c>arena_size_cm</c> and <c>coordinate_origin</c> ("arena centre" puts the centre at (0, 0),
/// "box corner (0,0)" at half the size). The layout promises float64 seconds and cm, so other time
/// or length units are refused rather than guessed.
/// </remarks>
internal sealed class NativeRecordingReader : IRecordingReader
{
    internal const string Schema = "mec-spikes-position/1";

    private static readonly HashSet<string> KnownRootAttributes =
    [
        "schema", "dataset_name", "description", "species", "brain_region", "recording_system", "time_unit",
        "length_unit", "arena_shape", "arena_size_cm", "arena_size_note", "coordinate_origin", "citation", "doi",
        "original_source", "source_repository", "source_path", "source_commit", "licence", "raw_copy",
        "box_rotation_rad", "box_scale_cm_per_raw_unit", "box_centre_raw_rotated",
    ];

    public RecordingFormat Format => RecordingFormat.Native;

    public RecordingParts Read(string path, RecordingReadOptions options, ILogger logger)
    {
        using var h5 = Hdf5Reader.Open(path);
        CheckSchema(h5);
        CheckUnit(h5, "time_unit", "s");
        CheckUnit(h5, "length_unit", "cm");

        var t = Hdf5Vectors.ReadTimes(h5, "/position/t", "position times (s)", logger);
        var x = Hdf5Vectors.ReadValues(h5, "/position/x", "x positions (cm)", logger);
        var y = Hdf5Vectors.ReadValues(h5, "/position/y", "y positions (cm)", logger);

        var parts = new RecordingParts
        {
            Name = options.Name ?? Path.GetFileNameWithoutExtension(path),
            SourcePath = path,
            Format = RecordingFormat.Native,
            Times = t,
            X = x,
            Y = y,
            Arena = options.Arena ?? ReadArena(h5, x, y),
            Metadata = ReadMetadata(h5, logger),
        };

        foreach (var id in h5.ReadStrings(h5.Dataset("/units/ids", "unit ids in canonical order"), "/units/ids"))
        {
            parts.Neurons.Add(ReadUnit(h5, id, logger));
        }

        var declared = h5.NumericAttribute(h5.Group("/units", "the units group"), "/units", "n_units");
        if (declared is { Length: 1 } && (int)declared[0] != parts.Neurons.Count)
        {
            throw h5.Malformed("/units",
                $"attribute n_units says {declared[0]} but /units/ids lists {parts.Neurons.Count} units.");
        }

        return parts;
    }

    private static void CheckSchema(Hdf5Reader h5)
    {
        var schema = h5.StringAttribute(h5.Root, "/", "schema");
        if (schema is null)
        {
            throw h5.Malformed("/",
                $"has no 'schema' attribute; expected \"{Schema}\". If this is an NWB or MATLAB " +
                                    "file, read it with --format nwb or --format mat73.");
        }

        if (schema != Schema)
        {
            throw new NotSupportedException(
                $"{h5.FileName}: / attribute 'schema' is \"{schema}\"; this toolkit reads \"{Schema}\" " +
                "(data/README.md describes the layout).");
        }
    }

    private static void CheckUnit(Hdf5Reader h5, string attribute, string expected)
    {
        var unit = h5.StringAttribute(h5.Root, "/", attribute);
        if (unit is not null && unit != expected)
        {
            throw new NotSupportedException(
                $"{h5.FileName}: / attribute '{attribute}' is \"{unit}\"; the {Schema} layout stores " +
                $"\"{expected}\". " +
                "Convert the data before writing the file.");
        }
    }

    private static NeuronParts ReadUnit(Hdf5Reader h5, string id, ILogger logger)
    {
        var groupPath = "/units/" + id;
        var group = h5.Group(groupPath, $"the group of unit '{id}' (listed in /units/ids)");
        var spikePath = groupPath + "/spike_times";
        var spikes = Hdf5Vectors.ReadTimes(h5, spikePath, $"spike times (s) of unit {id}", logger);

        var attributes = h5.AttributeTexts(group, groupPath);
        if (attributes.TryGetValue("n_spikes", out var declared)
            && declared != spikes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw h5.Malformed(spikePath, $"holds {spikes.Length} spikes but {groupPath} attribute n_spikes says " +
                                          $"{declared}; the file is inconsistent or damaged.");
        }

        return new NeuronParts(id, spikes, attributes, spikePath);
    }

    private static Arena? ReadArena(Hdf5Reader h5, double[] x, double[] y)
    {
        var shapeText = h5.StringAttribute(h5.Root, "/", "arena_shape");
        var size = h5.NumericAttribute(h5.Root, "/", "arena_size_cm");
        if (shapeText is null || size is null)
        {
            return null;
        }

        var shape = shapeText switch
        {
            "square" => ArenaShape.Square,
            "rectangle" => ArenaShape.Rectangle,
            "circle" => ArenaShape.Circle,
            _ => throw h5.Malformed("/",
                $"attribute 'arena_shape' is \"{shapeText}\"; expected square, rectangle or circle."),
        };

        var (width, height) = (shape, size.Length) switch
        {
            (ArenaShape.Circle, 1) => (size[0], size[0]),
            (ArenaShape.Square, 1) => (size[0], size[0]),
            (not ArenaShape.Circle, 2) => (size[0], size[1]),
            _ => throw h5.Malformed("/",
                $"attribute 'arena_size_cm' holds {size.Length} values; a {shapeText} needs " +
                                         (shape == ArenaShape.Circle ? "1 (the diameter)." : "2 (width, height).")),
        };

        if (shape == ArenaShape.Square && width != height)
        {
            shape = ArenaShape.Rectangle;
        }

        var origin = h5.StringAttribute(h5.Root, "/", "coordinate_origin");
        var (cx, cy) = origin switch
        {
            "arena centre" or "arena center" => (0.0, 0.0),
            "box corner (0,0)" => (width / 2, height / 2),
            _ => TrackedMidpoint(x, y),
        };

        var note = h5.StringAttribute(h5.Root, "/", "arena_size_note");
        try
        {
            return new Arena(shape, width, height, cx, cy, inferredFromTracking: false, note);
        }
        catch (ArgumentException ex)
        {
            throw h5.Malformed("/", $"arena attributes are not usable: {ex.Message}", ex);
        }
    }

    private static (double, double) TrackedMidpoint(double[] x, double[] y)
    {
        var finite = Enumerable.Range(0, x.Length)
            .Where(i => double.IsFinite(x[i]) && double.IsFinite(y[i]))
            .ToList();
        if (finite.Count == 0)
        {
            return (0, 0);
        }

        var middleX = (finite.Min(i => x[i]) + finite.Max(i => x[i])) / 2;
        var middleY = (finite.Min(i => y[i]) + finite.Max(i => y[i])) / 2;
        return (middleX, middleY);
    }

    private static RecordingMetadata ReadMetadata(Hdf5Reader h5, ILogger logger)
    {
        var attributes = h5.AttributeTexts(h5.Root, "/");
        foreach (var name in attributes.Keys.Where(n => !KnownRootAttributes.Contains(n)))
        {
            Log.UnknownMetadata(logger, h5.FileName, name);
        }

        return new RecordingMetadata
        {
            Description = attributes.GetValueOrDefault("description"),
            Species = attributes.GetValueOrDefault("species"),
            BrainRegion = attributes.GetValueOrDefault("brain_region"),
            Citation = attributes.GetValueOrDefault("citation"),
            Doi = attributes.GetValueOrDefault("doi"),
            Source = attributes.GetValueOrDefault("original_source")
                     ?? attributes.GetValueOrDefault("source_repository"),
            Licence = attributes.GetValueOrDefault("licence"),
            Attributes = attributes,
        };
    }
}
