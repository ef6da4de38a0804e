using System.Globalization;
using System.Text.RegularExpressions;

namespace NeuralPredictivity.Datasets;

/// <summary>Which MATLAB variables hold a session's times, positions, spikes and neuron ids.</summary>
/// <remarks>
/// Each entry names a variable, optionally a struct field path and a column or row:
/// <c>t</c>, <c>session.post</c>, <c>pos(:,1)</c>, <c>session.pos(:,2)</c> (1-based, as in MATLAB).
/// <see cref="SpikeTimes"/> names a cell array with one vector of spike times (s) per neuron, or a
/// single numeric vector for a one-neuron file; <see cref="NeuronIds"/> (optional) a cell array of
/// char ids or a numeric vector, one per neuron, else neurons are numbered 1, 2, … in cell order.
/// Times must be in seconds; <see cref="LengthUnit"/> scales x and y to cm.
/// On the command line: <c>--map t=post --map x=pos(:,1) --map y=pos(:,2) --map spikes=cellTS</c>.
/// </remarks>
public sealed record MatlabVariableMap
{
    /// <summary>Variable with the position times (s).</summary>
    public required string Time { get; init; }

    /// <summary>Variable with x positions.</summary>
    public required string X { get; init; }

    /// <summary>Variable with y positions.</summary>
    public required string Y { get; init; }

    /// <summary>Cell array of spike-time vectors (s), one per neuron.</summary>
    public required string SpikeTimes { get; init; }

    /// <summary>Optional cell array or vector of neuron ids.</summary>
    public string? NeuronIds { get; init; }

    /// <summary>Unit of x and y: "cm" (default), "m" or "mm".</summary>
    public string LengthUnit { get; init; } = "cm";

    /// <summary>
    /// Parses <c>key=value</c> entries (keys t, x, y, spikes, ids, length-unit), reporting every problem at
    /// once.
    /// </summary>
    /// <exception cref="ArgumentException">A key is unknown, repeated or missing, or a value is not a
    /// variable reference.</exception>
    public static MatlabVariableMap Parse(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        foreach (var entry in entries)
        {
            var cut = entry.IndexOf('=');
            if (cut <= 0)
            {
                problems.Add($"'{entry}' is not key=value");
                continue;
            }

            var (key, value) = (entry[..cut].Trim(), entry[(cut + 1)..].Trim());
            if (!Keys.Contains(key))
            {
                problems.Add($"unknown key '{key}' (known: {string.Join(", ", Keys)})");
            }
            else if (!values.TryAdd(key, value))
            {
                problems.Add($"key '{key}' is given twice");
            }
        }

        foreach (var key in new[] { "t", "x", "y", "spikes" }.Where(k => !values.ContainsKey(k)))
        {
            problems.Add($"key '{key}' is missing");
        }

        var references = values.Where(kv => !kv.Key.Equals("length-unit", StringComparison.OrdinalIgnoreCase));
        foreach (var (key, value) in references)
        {
            if (!MatlabVariableReference.TryParse(value, out _))
            {
                problems.Add($"{key}={value} is not a variable reference such as pos, session.pos or pos(:,1)");
            }
        }

        var unit = values.GetValueOrDefault("length-unit", "cm");
        if (CentimetresPer(unit) is null)
        {
            problems.Add($"length-unit={unit}: expected cm, m or mm");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("--map: " + string.Join("; ", problems) + ".", nameof(entries));
        }

        return new MatlabVariableMap
        {
            Time = values["t"],
            X = values["x"],
            Y = values["y"],
            SpikeTimes = values["spikes"],
            NeuronIds = values.GetValueOrDefault("ids"),
            LengthUnit = unit,
        };
    }

    /// <summary>The map as <c>key=value</c> entries, the inverse of <see cref="Parse"/>.</summary>
    public IReadOnlyList<string> ToEntries()
    {
        var entries = new List<string> { $"t={Time}", $"x={X}", $"y={Y}", $"spikes={SpikeTimes}" };
        if (NeuronIds is not null)
        {
            entries.Add($"ids={NeuronIds}");
        }

        if (LengthUnit != "cm")
        {
            entries.Add($"length-unit={LengthUnit}");
        }

        return entries;
    }

    internal static double? CentimetresPer(string unit) => unit.Trim().ToLowerInvariant() switch
    {
        "cm" => 1.0,
        "m" => 100.0,
        "mm" => 0.1,
        _ => null,
    };

    private static readonly string[] Keys = ["t", "x", "y", "spikes", "ids", "length-unit"];
}

/// <summary>A parsed variable reference: variable, struct field path and an optional 1-based column or row.</summary>
internal sealed partial record MatlabVariableReference(string Variable, IReadOnlyList<string> Fields,
    int? Column, int? Row)
{
    internal static bool TryParse(string text, out MatlabVariableReference reference)
    {
        var match = Pattern().Match(text.Trim());
        reference = null!;
        if (!match.Success)
        {
            return false;
        }

        var names = match.Groups["path"].Value.Split('.');
        int? Number(string group) => match.Groups[group].Success
            ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture)
            : null;
        var (column, row) = (Number("col"), Number("row"));
        if (column is < 1 || row is < 1)
        {
            return false;
        }

        reference = new MatlabVariableReference(names[0], names[1..], column, row);
        return true;
    }

    internal static MatlabVariableReference Parse(string text) =>
        TryParse(text, out var reference)
            ? reference
            : throw new ArgumentException(
                $"'{text}' is not a variable reference such as pos, session.pos or pos(:,1).", nameof(text));

    [GeneratedRegex(@"^(?<path>[A-Za-z]\w*(\.[A-Za-z]\w*)*)(\(\s*(:\s*,\s*(?<col>\d+)|(?<row>\d+)\s*,\s*:)\s*\))?$")]
    private static partial Regex Pattern();
}
