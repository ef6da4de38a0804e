namespace NeuralPredictivity.Baselines;

/// <summary>
/// A baseline family with every parameter set, written <c>family:name=value,…</c>, e.g.
/// <c>random-fourier:d=512,lengthscale=20cm,seed=3</c>.
/// </summary>
/// <remarks>
/// Omitted parameters take the family's defaults, so <c>grid-cells</c> alone is a valid spec. Names
/// and choice words are case-insensitive; lengths take cm, mm or m (a bare number is cm). The
/// shuffled control wraps another spec: <c>shuffled:place-cells:d=64,width=12cm,seed=1</c>.
/// <see cref="ToString"/> writes the canonical form with every parameter in the family's order,
/// which is what results files record; two specs are equal when their canonical forms are.
/// </remarks>
public sealed class BaselineSpec : IEquatable<BaselineSpec>
{
    private readonly object[] _values;

    internal BaselineSpec(BaselineFamily family, object[] values, BaselineSpec? inner = null)
    {
        Family = family;
        _values = values;
        Inner = inner;
    }

    /// <summary>The family this spec instantiates.</summary>
    public BaselineFamily Family { get; }

    /// <summary>For the shuffled control, the spec of the map being shuffled; otherwise null.</summary>
    public BaselineSpec? Inner { get; }

    /// <summary>Number of features d (columns of the map).</summary>
    public int Dimension => GetInt32("d");

    /// <summary>Seed of every random choice the family makes.</summary>
    public int Seed => GetInt32("seed");

    /// <summary>Parses a spec; a <see cref="FormatException"/> names the bad part and the valid choices.</summary>
    public static BaselineSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var spec, out var error) ? spec! : throw new FormatException(error);
    }

    /// <summary>Parses a spec; on failure returns false with a message naming the bad part.</summary>
    public static bool TryParse(string text, out BaselineSpec? spec, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        spec = null;
        error = string.Empty;
        var trimmed = text.Trim();
        var colon = trimmed.IndexOf(':');
        var name = (colon < 0 ? trimmed : trimmed[..colon]).Trim();
        var rest = colon < 0 ? string.Empty : trimmed[(colon + 1)..];

        var family = BaselineFamilies.Find(name);
        if (family is null)
        {
            error = $"Baseline spec '{text}': unknown family '{name}'; known families: " +
                string.Join(", ", BaselineFamilies.All.Select(f => f.Name)) + ".";
            return false;
        }

        if (family is ShuffledFamily)
        {
            if (rest.Trim().Length == 0)
            {
                error = $"Baseline spec '{text}': shuffled needs the spec of the map to shuffle, " +
                    "e.g. shuffled:grid-cells:d=64,seed=1.";
                return false;
            }

            if (!TryParse(rest, out var inner, out var innerError))
            {
                error = $"Baseline spec '{text}': {innerError}";
                return false;
            }

            if (inner!.Inner is not null)
            {
                error = $"Baseline spec '{text}': shuffle once; a shuffled map shuffled again is the same control.";
                return false;
            }

            spec = new BaselineSpec(family, [], inner);
            return true;
        }

        return TryParseParameters(text, family, rest, out spec, out error);
    }

    /// <summary>The same spec with one parameter changed (a length in cm, an int, a number or a word).</summary>
    /// <remarks>For the shuffled control the change applies to the shuffled spec.</remarks>
    public BaselineSpec With(string parameter, object value)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(value);
        if (Inner is not null)
        {
            return new BaselineSpec(Family, [], Inner.With(parameter, value));
        }

        var index = IndexOf(parameter);
        var values = (object[])_values.Clone();
        values[index] = Family.Parameters[index].Coerce(value);
        return new BaselineSpec(Family, values);
    }

    /// <summary>The same spec with d features: matching by nominal dimension.</summary>
    public BaselineSpec WithDimension(int dimension) => With("d", dimension);

    /// <summary>The same spec with another seed.</summary>
    public BaselineSpec WithSeed(int seed) => With("seed", seed);

    /// <summary>A parameter's value: int for integers, double (cm) for lengths, double or string otherwise.</summary>
    public object Get(string parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return Inner is not null ? Inner.Get(parameter) : _values[IndexOf(parameter)];
    }

    /// <summary>The canonical text of one parameter's value, as written in a spec.</summary>
    public string GetText(string parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return Inner is not null
            ? Inner.GetText(parameter)
            : Family.Parameters[IndexOf(parameter)].FormatValue(_values[IndexOf(parameter)]);
    }

    /// <summary>The parameter descriptor with this name (searched in the shuffled spec for a shuffle).</summary>
    public BaselineParameter Parameter(string parameter) =>
        Inner is not null ? Inner.Parameter(parameter) : Family.Parameters[IndexOf(parameter)];

    internal int GetInt32(string parameter) => (int)Get(parameter);

    internal double GetDouble(string parameter) => (double)Get(parameter);

    internal string GetString(string parameter) => (string)Get(parameter);

    /// <summary>Canonical form: <c>family:p1=v1,p2=v2,…</c> with every parameter in the family's order.</summary>
    public override string ToString() => Inner is not null
        ? $"{Family.Name}:{Inner}"
        : $"{Family.Name}:" + string.Join(
            ",", Family.Parameters.Select((p, i) => $"{p.Name}={p.FormatValue(_values[i])}"));

    /// <inheritdoc />
    public bool Equals(BaselineSpec? other) => other is not null && ToString() == other.ToString();

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as BaselineSpec);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    private int IndexOf(string parameter)
    {
        for (var i = 0; i < Family.Parameters.Count; i++)
        {
            if (string.Equals(Family.Parameters[i].Name, parameter, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new ArgumentException(
            $"{Family.Name} has no parameter '{parameter}'; its parameters are " +
            string.Join(", ", Family.Parameters.Select(p => p.Name)) + ".",
            nameof(parameter));
    }

    private static bool TryParseParameters(
        string text, BaselineFamily family, string rest, out BaselineSpec? spec, out string error)
    {
        spec = null;
        error = string.Empty;
        var parameters = family.Parameters;
        var values = parameters.Select(p => p.DefaultValue).ToArray();
        var seen = new bool[parameters.Count];
        var problems = new List<string>();

        var items = rest.Trim().Length == 0 ? [] : rest.Split(',');
        foreach (var rawItem in items)
        {
            var item = rawItem.Trim();
            var equals = item.IndexOf('=');
            if (equals <= 0)
            {
                problems.Add(
                    $"'{item}' is not name=value (write e.g. {parameters[0].Name}={parameters[0].DefaultText})");
                continue;
            }

            var key = item[..equals].Trim();
            var index = parameters.ToList().FindIndex(
                p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                problems.Add($"unknown parameter '{key}' of {family.Name}; valid parameters: " +
                    string.Join(", ", parameters.Select(p => p.Name)));
                continue;
            }

            if (seen[index])
            {
                problems.Add($"parameter '{parameters[index].Name}' is given twice");
                continue;
            }

            seen[index] = true;
            var value = parameters[index].TryParse(item[(equals + 1)..].Trim(), out var valueError);
            if (value is null)
            {
                problems.Add(valueError);
                continue;
            }

            values[index] = value;
        }

        for (var i = 0; i < parameters.Count; i++)
        {
            if (parameters[i].Kind == BaselineParameterKind.Text && !seen[i])
            {
                problems.Add($"parameter '{parameters[i].Name}' is required ({parameters[i].Description})");
            }
        }

        if (problems.Count > 0)
        {
            error = $"Baseline spec '{text}': " + string.Join("; ", problems) + ".";
            return false;
        }

        spec = new BaselineSpec(family, values);
        return true;
    }
}
