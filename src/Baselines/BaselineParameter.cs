using System.Globalization;

namespace NeuralPredictivity.Baselines;

/// <summary>One parameter of a baseline family: its name, kind, default, valid range and meaning.</summary>
/// <remarks>
/// Values are parsed and printed with the invariant culture. Lengths are stored in cm; a spec may
/// write them in cm, mm or m (<c>20cm</c>, <c>200mm</c>, <c>0.2m</c>) or as a bare number of cm.
/// <see cref="SearchMinimum"/> and <see cref="SearchMaximum"/> bound the search when a map is matched
/// to a target participation ratio by varying this parameter; they are NaN when it cannot be varied.
/// </remarks>
public sealed class BaselineParameter
{
    private BaselineParameter(
        string name,
        BaselineParameterKind kind,
        string description,
        object defaultValue,
        double minimum,
        double maximum,
        IReadOnlyList<string> choices,
        double searchMinimum,
        double searchMaximum)
    {
        Name = name;
        Kind = kind;
        Description = description;
        DefaultValue = defaultValue;
        Minimum = minimum;
        Maximum = maximum;
        Choices = choices;
        SearchMinimum = searchMinimum;
        SearchMaximum = searchMaximum;
    }

    /// <summary>Name as written in a spec (lower case, e.g. <c>lengthscale</c>).</summary>
    public string Name { get; }

    /// <summary>Integer, length, number, choice or text.</summary>
    public BaselineParameterKind Kind { get; }

    /// <summary>One line saying what the parameter does, with its unit.</summary>
    public string Description { get; }

    /// <summary>Value used when a spec omits the parameter (int, double in cm, double or string).</summary>
    public object DefaultValue { get; }

    /// <summary>Smallest valid value (inclusive) for integers, lengths and numbers; NaN otherwise.</summary>
    public double Minimum { get; }

    /// <summary>Largest valid value (inclusive) for integers, lengths and numbers; NaN otherwise.</summary>
    public double Maximum { get; }

    /// <summary>Valid words of a choice parameter; empty for other kinds.</summary>
    public IReadOnlyList<string> Choices { get; }

    /// <summary>Lower end of the participation-ratio matching search; NaN when not matchable.</summary>
    public double SearchMinimum { get; }

    /// <summary>Upper end of the participation-ratio matching search; NaN when not matchable.</summary>
    public double SearchMaximum { get; }

    /// <summary>True when the parameter can be varied to match a target participation ratio.</summary>
    public bool IsMatchable => !double.IsNaN(SearchMinimum);

    /// <summary>The default value as it would be written in a spec.</summary>
    public string DefaultText => FormatValue(DefaultValue);

    /// <summary>What values are valid, in words, for listings and error messages.</summary>
    public string ValidValues => Kind switch
    {
        BaselineParameterKind.Integer => Maximum >= int.MaxValue
            ? string.Create(CultureInfo.InvariantCulture, $"an integer ≥ {Minimum}")
            : string.Create(CultureInfo.InvariantCulture, $"an integer in {Minimum}…{Maximum}"),
        BaselineParameterKind.Length => string.Create(
            CultureInfo.InvariantCulture, $"a length in {Minimum:0.###}…{Maximum:0.###} cm (e.g. 20cm, 0.2m)"),
        BaselineParameterKind.Number => string.Create(
            CultureInfo.InvariantCulture, $"a number in {Minimum:0.###}…{Maximum:0.###}"),
        BaselineParameterKind.Choice => "one of " + string.Join(", ", Choices),
        _ => "non-empty text without commas",
    };

    internal static BaselineParameter Integer(
        string name,
        int defaultValue,
        int minimum,
        int maximum,
        string description,
        int searchMin = -1,
        int searchMax = -1) =>
        new(name, BaselineParameterKind.Integer, description, defaultValue, minimum, maximum, [],
            searchMin < 0 ? double.NaN : searchMin, searchMax < 0 ? double.NaN : searchMax);

    internal static BaselineParameter Length(
        string name,
        double defaultCm,
        double minimumCm,
        double maximumCm,
        string description,
        double searchMinCm = double.NaN,
        double searchMaxCm = double.NaN) =>
        new(name, BaselineParameterKind.Length, description, defaultCm, minimumCm, maximumCm, [],
            searchMinCm, searchMaxCm);

    internal static BaselineParameter Number(
        string name, double defaultValue, double minimum, double maximum, string description) =>
        new(name, BaselineParameterKind.Number, description, defaultValue, minimum, maximum, [],
            double.NaN, double.NaN);

    internal static BaselineParameter Choice(string name, string defaultValue, string[] choices, string description) =>
        new(name, BaselineParameterKind.Choice, description, defaultValue, double.NaN, double.NaN, choices,
            double.NaN, double.NaN);

    internal static BaselineParameter Text(string name, string description) =>
        new(name, BaselineParameterKind.Text, description, string.Empty, double.NaN, double.NaN, [],
            double.NaN, double.NaN);

    /// <summary>Parses one value; returns null and sets <paramref name="error"/> when it is invalid.</summary>
    internal object? TryParse(string text, out string error)
    {
        error = string.Empty;
        switch (Kind)
        {
            case BaselineParameterKind.Integer:
                if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
                    && integer >= Minimum && integer <= Maximum)
                {
                    return integer;
                }

                break;
            case BaselineParameterKind.Length:
                if (TryParseLength(text, out var cm) && cm >= Minimum && cm <= Maximum)
                {
                    return cm;
                }

                break;
            case BaselineParameterKind.Number:
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    && double.IsFinite(number) && number >= Minimum && number <= Maximum)
                {
                    return number;
                }

                break;
            case BaselineParameterKind.Choice:
                var choice = Choices.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase));
                if (choice is not null)
                {
                    return choice;
                }

                break;
            default:
                if (text.Length > 0)
                {
                    return text;
                }

                break;
        }

        error = $"{Name} must be {ValidValues}, got '{text}'";
        return null;
    }

    /// <summary>Validates a value given in code (int, double in cm, or string).</summary>
    internal object Coerce(object value)
    {
        var text = value switch
        {
            int i => i.ToString(CultureInfo.InvariantCulture),
            double x when Kind == BaselineParameterKind.Integer && x == Math.Floor(x) && Math.Abs(x) < int.MaxValue
                => ((int)x).ToString(CultureInfo.InvariantCulture),
            double x => x.ToString("R", CultureInfo.InvariantCulture),
            string s => s,
            _ => throw new ArgumentException($"{Name}: unsupported value type {value.GetType().Name}.", nameof(value)),
        };
        return TryParse(text, out var error) ?? throw new ArgumentOutOfRangeException(nameof(value), error + ".");
    }

    /// <summary>A value as a spec writes it: integers plain, lengths with "cm", numbers round-trip.</summary>
    /// <param name="value">
    /// An int for integers, a double (cm for lengths) or a string, as <see cref="BaselineSpec.Get"/> returns.
    /// </param>
    public string FormatValue(object value) => Kind switch
    {
        BaselineParameterKind.Integer => ((int)value).ToString(CultureInfo.InvariantCulture),
        BaselineParameterKind.Length => ((double)value).ToString("R", CultureInfo.InvariantCulture) + "cm",
        BaselineParameterKind.Number => ((double)value).ToString("R", CultureInfo.InvariantCulture),
        _ => (string)value,
    };

    private static bool TryParseLength(string text, out double cm)
    {
        var (number, scale) = text switch
        {
            _ when text.EndsWith("mm", StringComparison.OrdinalIgnoreCase) => (text[..^2], 0.1),
            _ when text.EndsWith("cm", StringComparison.OrdinalIgnoreCase) => (text[..^2], 1.0),
            _ when text.EndsWith('m') || text.EndsWith('M') => (text[..^1], 100.0),
            _ => (text, 1.0),
        };
        var ok = double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value);
        cm = value * scale;
        return ok;
    }
}
