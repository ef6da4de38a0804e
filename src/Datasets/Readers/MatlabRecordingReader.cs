using System.Globalization;
using Microsoft.Extensions.Logging;

namespace NeuralPredictivity.Datasets;

/// <summary>Reads a session from a MATLAB v7.3 file through a <see cref="MatlabVariableMap"/>.</summary>
/// <remarks>
/// MATLAB files have no standard layout for spikes and position, so the user names the variables.
/// Times (position and spikes) must be floating-point seconds; integer times are refused because
/// they are usually sample counts or microseconds. Position vectors may be rows or columns; a
/// column or row of a matrix is picked with <c>pos(:,1)</c>. Empty cells are neurons without spikes.
/// The file carries no arena, so it is inferred from the tracked extent unless given.
/// </remarks>
internal sealed class MatlabRecordingReader : IRecordingReader
{
    public RecordingFormat Format => RecordingFormat.MatlabV73;

    public RecordingParts Read(string path, RecordingReadOptions options, ILogger logger)
    {
        var map = options.MatlabVariables ?? throw new ArgumentException(
            $"{Path.GetFileName(path)}: a MATLAB file needs a variable map saying where t, x, y and the spike " +
            "times are " +
            "(datasets add ... --map t=post --map x=pos(:,1) --map y=pos(:,2) --map spikes=cellTS).",
            nameof(options));

        using var file = MatlabFile.Open(path, logger);
        var toCm = MatlabVariableMap.CentimetresPer(map.LengthUnit)!.Value;
        var t = Times(file, map.Time, "position times");
        var x = Vector(file, map.X, "x positions").Select(v => v * toCm).ToArray();
        var y = Vector(file, map.Y, "y positions").Select(v => v * toCm).ToArray();

        var parts = new RecordingParts
        {
            Name = options.Name ?? Path.GetFileNameWithoutExtension(path),
            SourcePath = path,
            Format = RecordingFormat.MatlabV73,
            Times = t,
            X = x,
            Y = y,
            TimePath = map.Time,
            XPath = map.X,
            YPath = map.Y,
            Arena = options.Arena,
            Metadata = new RecordingMetadata
            {
                Attributes = new Dictionary<string, string> { ["variables"] = string.Join(", ", file.VariableNames) },
            },
        };

        var trains = SpikeTrains(file, map.SpikeTimes);
        var ids = map.NeuronIds is null
            ? Enumerable.Range(1, trains.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList()
            : NeuronIds(file, map.NeuronIds);
        if (ids.Count != trains.Count)
        {
            throw new InvalidDataException(
                $"{file.FileName}: {map.NeuronIds} holds {ids.Count} ids but {map.SpikeTimes} holds " +
                $"{trains.Count} spike trains.");
        }

        for (var i = 0; i < trains.Count; i++)
        {
            parts.Neurons.Add(new NeuronParts(ids[i], trains[i], new Dictionary<string, string>(),
                                              $"{map.SpikeTimes}{{{i + 1}}}"));
        }

        return parts;
    }

    private static double[] Times(MatlabFile file, string reference, string what)
    {
        var value = Resolve(file, reference);
        if (value is MatlabNumeric { ClassName: not ("double" or "single") } integers)
        {
            throw new InvalidDataException(
                $"{file.FileName}: {reference} holds {what} as {integers.ClassName}; times must be floating-point " +
                "seconds. Integer times are usually sample counts or microseconds: convert them to seconds " +
                "(double) in MATLAB and save again.");
        }

        return Vector(file, reference, what, value);
    }

    private static double[] Vector(MatlabFile file, string reference, string what, MatlabValue? resolved = null)
    {
        var parsed = MatlabVariableReference.Parse(reference);
        var value = resolved ?? Resolve(file, reference);
        if (value is not MatlabNumeric numeric)
        {
            throw new InvalidDataException(
                $"{file.FileName}: {reference} is a MATLAB {value.ClassName} ({value.SizeText}); expected " +
                $"numbers ({what}).");
        }

        if (parsed.Column is { } column || parsed.Row is not null)
        {
            if (numeric.Size.Length != 2)
            {
                throw new InvalidDataException(
                    $"{file.FileName}: {reference}: cannot pick a column of a {numeric.SizeText} array.");
            }

            var (rows, columns) = (numeric.Size[0], numeric.Size[1]);
            if (parsed.Column is { } c)
            {
                return c > columns
                    ? throw new InvalidDataException(
                        $"{file.FileName}: {reference}: the array is {numeric.SizeText}, it has no column {c}.")
                    : Enumerable.Range(0, rows).Select(r => numeric.Data[r + rows * (c - 1)]).ToArray();
            }

            var row = parsed.Row!.Value;
            return row > rows
                ? throw new InvalidDataException(
                    $"{file.FileName}: {reference}: the array is {numeric.SizeText}, it has no row {row}.")
                : Enumerable.Range(0, columns).Select(k => numeric.Data[row - 1 + rows * k]).ToArray();
        }

        if (!numeric.IsVector)
        {
            throw new InvalidDataException(
                $"{file.FileName}: {reference} is a {numeric.SizeText} matrix; expected a vector of {what}. Pick a " +
                $"column with {parsed.Variable}(:,k).");
        }

        return numeric.Data;
    }

    private static List<double[]> SpikeTrains(MatlabFile file, string reference)
    {
        var value = Resolve(file, reference);
        switch (value)
        {
            case MatlabCell cell:
                var trains = new List<double[]>(cell.Elements.Length);
                for (var i = 0; i < cell.Elements.Length; i++)
                {
                    var element = cell.Elements[i];
                    var label = $"{reference}{{{i + 1}}}";
                    trains.Add(element switch
                    {
                        { IsEmpty: true } => [],
                        MatlabNumeric { ClassName: "double" or "single" } numbers when numbers.IsVector
                            => numbers.Data,
                        MatlabNumeric { ClassName: "double" or "single" } numbers => throw new InvalidDataException(
                            $"{file.FileName}: {label} is a {numbers.SizeText} matrix; each cell must hold a " +
                            "vector of spike times."),
                        MatlabNumeric integers => throw new InvalidDataException(
                            $"{file.FileName}: {label} holds spike times as {integers.ClassName}; they must " +
                            "be floating-point seconds " +
                            "(integer times are usually sample counts or microseconds)."),
                        _ => throw new InvalidDataException(
                            $"{file.FileName}: {label} is a MATLAB {element.ClassName}; expected a vector of " +
                            "spike times (s)."),
                    });
                }

                return trains;
            case MatlabNumeric:
                return [Times(file, reference, "spike times")];
            default:
                throw new InvalidDataException(
                    $"{file.FileName}: {reference} is a MATLAB {value.ClassName}; expected a cell array of " +
                    "spike-time vectors.");
        }
    }

    private static List<string> NeuronIds(MatlabFile file, string reference)
    {
        var value = Resolve(file, reference);
        return value switch
        {
            MatlabCell cell => cell.Elements.Select((e, i) => e switch
            {
                MatlabChar text => text.Text,
                MatlabNumeric { ElementCount: 1 } number => number.Data[0].ToString("R",
                    CultureInfo.InvariantCulture),
                _ => throw new InvalidDataException(
                    $"{file.FileName}: {reference}{{{i + 1}}} is a MATLAB {e.ClassName}; ids must be char or " +
                    "numbers."),
            }).ToList(),
            MatlabNumeric numbers => numbers.Data.Select(v => v.ToString("R", CultureInfo.InvariantCulture)).ToList(),
            MatlabChar chars => chars.Rows().Select(r => r.TrimEnd()).ToList(),
            _ => throw new InvalidDataException(
                $"{file.FileName}: {reference} is a MATLAB {value.ClassName}; expected a cell array of ids."),
        };
    }

    private static MatlabValue Resolve(MatlabFile file, string reference)
    {
        var parsed = MatlabVariableReference.Parse(reference);
        var value = file.Read(parsed.Variable);
        var path = parsed.Variable;
        foreach (var field in parsed.Fields)
        {
            if (value is not MatlabStruct structure)
            {
                throw new InvalidDataException(
                    $"{file.FileName}: {path} is a MATLAB {value.ClassName}, not a struct with field '{field}'.");
            }

            value = structure.Fields.TryGetValue(field, out var inner)
                ? inner
                : throw new InvalidDataException(
                    $"{file.FileName}: struct {path} has no field '{field}'; its fields are " +
                    $"{string.Join(", ", structure.FieldNames)}.");
            path += "." + field;
        }

        return value;
    }
}
