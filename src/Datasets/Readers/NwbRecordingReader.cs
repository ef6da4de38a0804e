using System.Globalization;
using Microsoft.Extensions.Logging;
using PureHDF;

namespace NeuralPredictivity.Datasets;

/// <summary>Reads NWB 2.x: neurons from the <c>/units</c> table, position from a SpatialSeries.</summary>
/// <remarks>
/// Units: <c>spike_times</c> holds every unit's spikes back to back and <c>spike_times_index</c>
/// the exclusive end offset of each unit (row k spans [index[k−1], index[k]) with index[−1] = 0),
/// in whatever unsigned integer width the writer chose; a repeated offset is a unit without spikes
/// and is kept. Neurons are named by the <c>id</c> column, not the row number. Other one-value-per-row
/// columns (quality, location, ...) become neuron attributes.
/// Position: the SpatialSeries at <see cref="RecordingReadOptions.NwbPositionPath"/>, else the first
/// (by name) under <c>/processing/behavior/Position</c>, else the first anywhere under
/// <c>/processing</c>. Values are data × conversion + offset in the series' unit, then converted
/// to cm; times come from <c>timestamps</c> or from <c>starting_time</c> + i / rate. A file with units
/// but no position is accepted for unit-level use; a file with neither is refused, naming both.
/// Limitation: NWB has no arena field, so the arena is the tracked extent unless given; and only the
/// first two columns (x, y) of a SpatialSeries are used, so 1-D (linear track) positions are refused.
/// </remarks>
internal sealed class NwbRecordingReader : IRecordingReader
{
    private const string DefaultPositionContainer = "/processing/behavior/Position";

    public RecordingFormat Format => RecordingFormat.Nwb;

    public RecordingParts Read(string path, RecordingReadOptions options, ILogger logger)
    {
        using var h5 = Hdf5Reader.Open(path);
        var version = h5.StringAttribute(h5.Root, "/", "nwb_version")
                      ?? throw h5.Malformed("/", "has no 'nwb_version' attribute, so it is not an NWB file. " +
                                                 "Choose the matching --format (native or mat73).");
        if (!version.StartsWith('2'))
        {
            throw new NotSupportedException(
                $"{h5.FileName}: NWB version {version} is not supported; this reader reads NWB 2.x. " +
                "Convert NWB 1.x files with the NWB conversion tools first.");
        }

        var hasUnits = h5.Exists("/units");
        var seriesPath = options.NwbPositionPath ?? FindSpatialSeries(h5);
        if (!hasUnits && seriesPath is null)
        {
            throw new InvalidDataException(
                $"{h5.FileName}: holds neither a /units table nor a SpatialSeries under /processing " +
                $"(looked in {DefaultPositionContainer} and every group under /processing), so there are no " +
                "spikes and no position to read. This NWB file has other content only.");
        }

        double[]? t = null, x = null, y = null;
        string? reason = null;
        if (seriesPath is not null)
        {
            (t, x, y) = ReadSpatialSeries(h5, seriesPath, logger);
        }
        else
        {
            reason = $"no SpatialSeries under /processing; looked in {DefaultPositionContainer} and every " +
                "group below /processing";
            Log.NwbNoPosition(logger, h5.FileName);
        }

        var parts = new RecordingParts
        {
            Name = options.Name ?? Path.GetFileNameWithoutExtension(path),
            SourcePath = path,
            Format = RecordingFormat.Nwb,
            Times = t,
            X = x,
            Y = y,
            TimePath = seriesPath is null ? "timestamps" : seriesPath + "/timestamps",
            XPath = seriesPath is null ? "x" : seriesPath + "/data[:, 0]",
            YPath = seriesPath is null ? "y" : seriesPath + "/data[:, 1]",
            NoPositionReason = reason,
            Arena = options.Arena,
            Metadata = ReadMetadata(h5, version),
        };

        if (hasUnits)
        {
            parts.Neurons.AddRange(ReadUnits(h5, logger));
        }
        else
        {
            Log.NoUnits(logger, h5.FileName);
        }

        return parts;
    }

    private static List<NeuronParts> ReadUnits(Hdf5Reader h5, ILogger logger)
    {
        var table = h5.Group("/units", "the Units table");
        var ids = h5.ReadIntegers(h5.Dataset("/units/id", "unit ids (ElementIdentifiers)"), "/units/id");
        var flat = h5.Exists("/units/spike_times")
            ? Hdf5Vectors.ReadTimes(h5, "/units/spike_times", "spike times (s) of all units", logger)
            : throw h5.Malformed("/units/spike_times", "missing; the Units table has no spike_times column.");
        var ends = h5.ReadIntegers(
            h5.Dataset("/units/spike_times_index", "the end offset of each unit's spikes (VectorIndex)"),
            "/units/spike_times_index");

        if (ends.Length != ids.Length)
        {
            throw h5.Malformed("/units/spike_times_index",
                $"has {ends.Length} rows but /units/id has {ids.Length}; the table is inconsistent.");
        }

        var start = 0L;
        for (var row = 0; row < ends.Length; row++)
        {
            if (ends[row] < start || ends[row] > flat.Length)
            {
                var problem = ends[row] < start
                    ? $"before the previous end {start}"
                    : $"past the {flat.Length} stored spike times";
                throw h5.Malformed("/units/spike_times_index",
                    $"row {row} ends at offset {ends[row]}, which is {problem}; offsets must be non-decreasing " +
                    "exclusive ends into /units/spike_times.");
            }

            start = ends[row];
        }

        if (ends.Length > 0 && ends[^1] != flat.Length)
        {
            throw h5.Malformed("/units/spike_times_index",
                $"the last unit ends at {ends[^1]} but /units/spike_times holds {flat.Length} values.");
        }

        var columns = ReadColumns(h5, table, ids.Length);
        var neurons = new List<NeuronParts>(ids.Length);
        start = 0;
        for (var row = 0; row < ids.Length; row++)
        {
            var spikes = flat[(int)start..(int)ends[row]];
            var attributes = columns.ToDictionary(c => c.Key, c => c.Value[row]);
            neurons.Add(new NeuronParts(ids[row].ToString(CultureInfo.InvariantCulture), spikes, attributes,
                                        $"/units/spike_times[{start}:{ends[row]}]"));
            start = ends[row];
        }

        return neurons;
    }

    /// <summary>
    /// Plain one-value-per-row columns of the Units table as text; ragged and reference columns are skipped.
    /// </summary>
    private static Dictionary<string, string[]> ReadColumns(Hdf5Reader h5, IH5Group table, int rowCount)
    {
        var skip = new HashSet<string> { "id", "spike_times", "spike_times_index" };
        var children = h5.Guard("/units", () => table.Children().ToList());
        var names = children.Select(c => c.Name).ToHashSet();
        var columns = new Dictionary<string, string[]>();
        foreach (var child in children)
        {
            var ragged = child.Name.EndsWith("_index", StringComparison.Ordinal)
                         || names.Contains(child.Name + "_index");
            if (child is not IH5Dataset dataset || skip.Contains(child.Name) || ragged
                || dataset.Space.Type != H5DataspaceType.Simple || dataset.Space.Rank != 1
                || dataset.Space.Dimensions[0] != (ulong)rowCount)
            {
                continue;
            }

            var path = "/units/" + child.Name;
            var type = h5.Guard(path, () => StoredType.Of(dataset));
            if (type.IsNumeric)
            {
                columns[child.Name] = h5.ReadNumeric(dataset, path).Values
                    .Select(v => v.ToString("R", CultureInfo.InvariantCulture)).ToArray();
            }
            else if (type.Class == H5DataTypeClass.String
                     || (type.Class == H5DataTypeClass.VariableLength
                         && h5.Guard(path, () => PureHdfInternals.IsVariableLengthString(dataset))))
            {
                columns[child.Name] = h5.ReadStrings(dataset, path);
            }
        }

        return columns;
    }

    private static string? FindSpatialSeries(Hdf5Reader h5)
    {
        if (!h5.Exists("/processing"))
        {
            return null;
        }

        if (h5.Exists(DefaultPositionContainer) && h5.Get(DefaultPositionContainer) is IH5Group container)
        {
            var first = h5.Guard(DefaultPositionContainer,
                    () => container.Children().OrderBy(c => c.Name, StringComparer.Ordinal).ToList())
                .FirstOrDefault(c => IsSpatialSeries(h5, c, DefaultPositionContainer + "/" + c.Name));
            if (first is not null)
            {
                return DefaultPositionContainer + "/" + first.Name;
            }
        }

        return Search(h5, (IH5Group)h5.Get("/processing"), "/processing", depth: 0);
    }

    private static string? Search(Hdf5Reader h5, IH5Group group, string path, int depth)
    {
        if (depth > 8)
        {
            return null;
        }

        var children = h5.Guard(path, () => group.Children().OrderBy(c => c.Name, StringComparer.Ordinal).ToList());
        foreach (var child in children)
        {
            var childPath = path + "/" + child.Name;
            if (IsSpatialSeries(h5, child, childPath))
            {
                return childPath;
            }

            if (child is IH5Group inner && Search(h5, inner, childPath, depth + 1) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static bool IsSpatialSeries(Hdf5Reader h5, IH5Object candidate, string path) =>
        candidate is IH5Group && h5.StringAttribute(candidate, path, "neurodata_type") == "SpatialSeries";

    private static (double[] T, double[] X, double[] Y) ReadSpatialSeries(Hdf5Reader h5, string seriesPath,
        ILogger logger)
    {
        h5.Group(seriesPath, "a SpatialSeries (the position)");
        var dataPath = seriesPath + "/data";
        var dataset = h5.Dataset(dataPath, "the SpatialSeries position samples");
        var data = h5.ReadNumeric(dataset, dataPath);
        if (data.IsNull || data.Rank is < 1 or > 2)
        {
            throw h5.Malformed(dataPath,
                $"has {(data.IsNull ? "no data" : $"rank {data.Rank}")}; expected samples × coordinates.");
        }

        var columns = data.Rank == 1 ? 1 : (int)data.Shape[1];
        if (columns < 2)
        {
            throw new NotSupportedException(
                $"{h5.FileName}: {dataPath} holds one coordinate per sample (a linear track); rate maps here are " +
                "2-D and need x and y.");
        }

        var unit = h5.StringAttribute(dataset, dataPath, "unit") ?? "meters";
        var conversion = Scalar(h5, dataset, dataPath, "conversion", 1.0);
        var offset = Scalar(h5, dataset, dataPath, "offset", 0.0);
        var toCm = CentimetresPer(unit) ?? throw new NotSupportedException(
            $"{h5.FileName}: {dataPath} attribute 'unit' is \"{unit}\", which cannot be converted to centimetres. " +
            "Supported: meters, centimeters, millimeters (m, cm, mm). Convert the positions, or set the unit and " +
            "conversion attributes so that data × conversion is in metres.");

        var sampleCount = (int)data.Shape[0];
        var (x, y) = (new double[sampleCount], new double[sampleCount]);
        for (var i = 0; i < sampleCount; i++)
        {
            x[i] = (data.Values[i * columns] * conversion + offset) * toCm;
            y[i] = (data.Values[i * columns + 1] * conversion + offset) * toCm;
        }

        var t = ReadSeriesTimes(h5, seriesPath, sampleCount, logger);
        Log.NwbPositionChosen(logger, h5.FileName, seriesPath, unit, conversion, offset);
        return (t, x, y);
    }

    private static double[] ReadSeriesTimes(Hdf5Reader h5, string seriesPath, int sampleCount, ILogger logger)
    {
        if (h5.Exists(seriesPath + "/timestamps"))
        {
            var stamps = Hdf5Vectors.ReadTimes(h5, seriesPath + "/timestamps", "position timestamps (s)", logger);
            if (stamps.Length != sampleCount)
            {
                throw h5.Malformed(seriesPath + "/timestamps",
                    $"holds {stamps.Length} times but {seriesPath}/data holds {sampleCount} samples; they " +
                    "must match.");
            }

            return stamps;
        }

        if (!h5.Exists(seriesPath + "/starting_time"))
        {
            throw h5.Malformed(seriesPath,
                "has neither 'timestamps' nor 'starting_time'; the position has no times.");
        }

        var startPath = seriesPath + "/starting_time";
        var start = h5.ReadNumeric(h5.Dataset(startPath, "the series start time (s)"), startPath);
        var rate = h5.NumericAttribute(h5.Get(startPath), startPath, "rate");
        if (start.Values.Length != 1 || rate is not { Length: 1 } || !(rate[0] > 0) || !double.IsFinite(rate[0]))
        {
            throw h5.Malformed(startPath,
                "needs one start time and a positive 'rate' attribute (samples per second).");
        }

        var times = new double[sampleCount];
        for (var i = 0; i < sampleCount; i++)
        {
            times[i] = start.Values[0] + i / rate[0];
        }

        return times;
    }

    private static double Scalar(Hdf5Reader h5, IH5Object owner, string path, string name, double fallback)
    {
        var value = h5.NumericAttribute(owner, path, name);
        return value switch
        {
            null => fallback,
            { Length: 1 } when double.IsFinite(value[0]) => value[0],
            _ => throw h5.Malformed(path, $"attribute '{name}' must be one finite number."),
        };
    }

    private static double? CentimetresPer(string unit) => unit.Trim().ToLowerInvariant() switch
    {
        "m" or "meter" or "meters" or "metre" or "metres" => 100.0,
        "cm" or "centimeter" or "centimeters" or "centimetre" or "centimetres" => 1.0,
        "mm" or "millimeter" or "millimeters" or "millimetre" or "millimetres" => 0.1,
        _ => null,
    };

    private static RecordingMetadata ReadMetadata(Hdf5Reader h5, string version)
    {
        var attributes = new Dictionary<string, string> { ["nwb_version"] = version };
        foreach (var (key, path) in new[]
                 {
                     ("identifier", "/identifier"), ("session_description", "/session_description"),
                     ("session_start_time", "/session_start_time"), ("species", "/general/subject/species"),
                     ("subject_id", "/general/subject/subject_id"), ("institution", "/general/institution"),
                     ("lab", "/general/lab"), ("related_publications", "/general/related_publications"),
                     ("experiment_description", "/general/experiment_description"),
                 })
        {
            if (h5.Exists(path) && h5.Get(path) is IH5Dataset dataset)
            {
                try
                {
                    var text = string.Join("; ", h5.ReadStrings(dataset, path).Where(s => s.Length > 0));
                    if (text.Length > 0)
                    {
                        attributes[key] = text;
                    }
                }
                catch (InvalidDataException)
                {
                    // Metadata of an unexpected type is not worth refusing the recording over.
                }
            }
        }

        return new RecordingMetadata
        {
            Description = attributes.GetValueOrDefault("session_description"),
            Species = attributes.GetValueOrDefault("species"),
            Citation = attributes.GetValueOrDefault("related_publications"),
            Source = attributes.GetValueOrDefault("lab") ?? attributes.GetValueOrDefault("institution"),
            Attributes = attributes,
        };
    }
}
