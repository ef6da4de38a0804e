using System.Globalization;
using NeuralPredictivity.Baselines;
using NeuralPredictivity.Datasets;
using NeuralPredictivity.Models;

namespace NeuralPredictivity.Benchmark;

/// <summary>What <c>--model</c> names: a path-integrating network (trained or untrained) or a baseline.</summary>
/// <remarks>
/// <para>Grammar, checked before any work:</para>
/// <list type="bullet">
/// <item><c>trained</c> (or <c>bundled</c>): the bundled checkpoint; <c>trained:checkpoint=PATH</c> another
/// one, and a bare path to a checkpoint file means the same. <c>d=N</c> reduces its feature maps to
/// dimension N (the trained family of a sweep): <c>reduce=pca</c> (the default) projects them on their top N
/// principal components, <c>reduce=units</c> keeps N units drawn with <c>seed=S</c>; without <c>d</c> every
/// unit is a feature.</item>
/// <item><c>untrained</c>: the bundled architecture with fresh weights; <c>d=N</c> sets the number of
/// hidden units, <c>seed=S</c> the initialisation.</item>
/// <item><c>shuffled</c>, <c>shuffled:trained…</c> or <c>shuffled:untrained…</c>: the network's features with
/// their bins permuted (same spectrum, no spatial structure); <c>shuffled:&lt;baseline spec&gt;</c>
/// shuffles a baseline.</item>
/// <item>anything else is a baseline family spec (<see cref="BaselineSpec"/>), such as
/// <c>random-fourier:d=512,lengthscale=20cm,seed=3</c>; <c>place</c> and <c>grid</c> are accepted for
/// <c>place-cells</c> and <c>grid-cells</c>.</item>
/// </list>
/// A spec without <c>seed=</c> takes the run's feature seed (<see cref="SeedPurpose.Features"/>).
/// </remarks>
public sealed class ModelSpec
{
    private static readonly string[] NetworkFamilies = ["trained", "untrained", "shuffled"];

    private ModelSpec(string text)
    {
        Text = text;
    }

    /// <summary>Every family a spec can name: the network families, then those of <see cref="BaselineFamilies"/>.
    /// </summary>
    /// <remarks>The one list every message and listing takes its family names from, so none can leave out a family
    /// that parses. <c>shuffled</c> is both kinds (it shuffles a network or a baseline) and appears once.</remarks>
    public static IReadOnlyList<string> FamilyNames { get; } =
        NetworkFamilies.Concat(BaselineFamilies.All.Select(f => f.Name)).Distinct().ToArray();

    /// <summary>What a spec must be, as a problem about one says: a family spec or a checkpoint, with every family
    /// of <see cref="FamilyNames"/>.</summary>
    public static string Expected =>
        $"a family spec or a checkpoint file; the families are {string.Join(", ", FamilyNames)} " +
        "(see predictivity models list)";

    /// <summary>The spec as given.</summary>
    public string Text { get; }

    /// <summary>True for a path-integrating network, false for a baseline family.</summary>
    public bool IsNetwork => Baseline is null;

    /// <summary>Trained (a checkpoint) or untrained (fresh weights); networks only.</summary>
    public bool Trained { get; private init; }

    /// <summary>Checkpoint path; null for the bundled one. Trained networks only.</summary>
    public string? CheckpointPath { get; private init; }

    /// <summary>PCA components kept (trained) or hidden units (untrained); null for all / the default.</summary>
    public int? Dimension { get; private init; }

    /// <summary>Feature seed: untrained initialisation, or the seed of the shuffle.</summary>
    public int Seed { get; private init; }

    /// <summary>Whether the network's features are spatially shuffled.</summary>
    public bool Shuffled { get; private init; }

    /// <summary>How <see cref="Dimension"/> reduces a trained network's maps.</summary>
    public TrainedReduction Reduction { get; private init; }

    /// <summary>The baseline spec, with its seed; null for networks.</summary>
    public BaselineSpec? Baseline { get; private init; }

    /// <summary>Parses <paramref name="text"/>; returns null and adds a problem naming <paramref name="option"/>.
    /// </summary>
    public static ModelSpec? Parse(
        string text, int featureSeed, List<SettingsProblem> problems, string option = "--model")
    {
        var trimmed = text.Trim();
        var shuffled = false;
        var body = trimmed;
        if (body.Equals("shuffled", StringComparison.OrdinalIgnoreCase))
        {
            (shuffled, body) = (true, "trained");
        }
        else if (body.StartsWith("shuffled:trained", StringComparison.OrdinalIgnoreCase)
            || body.StartsWith("shuffled:untrained", StringComparison.OrdinalIgnoreCase)
            || body.StartsWith("shuffled:bundled", StringComparison.OrdinalIgnoreCase))
        {
            (shuffled, body) = (true, body["shuffled:".Length..]);
        }
        else if (body.StartsWith("shuffled:", StringComparison.OrdinalIgnoreCase)
            && StartsWithParameter(body["shuffled:".Length..]))
        {
            // "shuffled:d=8,seed=1" shuffles the trained features too.
            (shuffled, body) = (true, "trained:" + body["shuffled:".Length..]);
        }

        var colon = body.IndexOf(':');
        var name = (colon < 0 ? body : body[..colon]).Trim().ToLowerInvariant();
        name = name == "bundled" ? "trained" : name;
        if (name is "trained" or "untrained")
        {
            return ParseNetwork(trimmed, name == "trained", colon < 0 ? "" : body[(colon + 1)..], shuffled, featureSeed,
                problems, option);
        }

        if (colon < 0 && (File.Exists(body) || body.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                || body.EndsWith(".weights", StringComparison.OrdinalIgnoreCase)))
        {
            return ParseNetwork(trimmed, true, "checkpoint=" + body, false, featureSeed, problems, option);
        }

        return ParseBaseline(trimmed, featureSeed, problems, option);
    }

    private static ModelSpec? ParseNetwork(string text, bool trained, string parameters, bool shuffled, int featureSeed,
        List<SettingsProblem> problems, string option)
    {
        var spec = new ModelSpec(text) { Trained = trained, Shuffled = shuffled, Seed = featureSeed };
        var count = problems.Count;
        var parts = parameters.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var part in parts)
        {
            var equals = part.IndexOf('=');
            var key = equals < 0 ? part : part[..equals].Trim().ToLowerInvariant();
            var value = equals < 0 ? "" : part[(equals + 1)..].Trim();
            switch (key)
            {
                case "d" when Integer(value) is { } d && d >= 1:
                    spec = spec.With(dimension: d);
                    break;
                case "d":
                    problems.Add(new SettingsProblem(
                        option, "d ≥ 1 (the number of features)", $"d={value} in '{text}'"));
                    break;
                case "seed" when Integer(value) is { } s && s >= 0:
                    spec = spec.With(seed: s);
                    break;
                case "seed":
                    problems.Add(new SettingsProblem(option, "seed ≥ 0", $"seed={value} in '{text}'"));
                    break;
                case "reduce" when trained && value.ToLowerInvariant() is "pca" or "units":
                    spec = spec.With(reduction: value.Equals("units", StringComparison.OrdinalIgnoreCase)
                        ? TrainedReduction.RandomUnits : TrainedReduction.PrincipalSubspace);
                    break;
                case "reduce" when trained:
                    problems.Add(new SettingsProblem(option,
                        "reduce=pca (top d principal components) or reduce=units (d random units)",
                        $"reduce={value} in '{text}'"));
                    break;
                case "checkpoint" when trained && value.Length > 0:
                    spec = spec.With(checkpoint: Path.GetFullPath(value));
                    break;
                default:
                    var allowed = trained ? "checkpoint=PATH, d=N, reduce=pca|units, seed=S" : "d=N, seed=S";
                    var kind = trained ? "a trained" : "an untrained";
                    problems.Add(new SettingsProblem(
                        option, $"parameters {allowed} for {kind} network", $"'{part}' in '{text}'"));
                    break;
            }
        }

        if (spec.Reduction == TrainedReduction.RandomUnits && spec.Dimension is null)
        {
            problems.Add(new SettingsProblem(option, "d=N with reduce=units (how many units to keep)",
                $"no d in '{text}'"));
        }

        if (spec.CheckpointPath is { } path && !File.Exists(path) && !File.Exists(path + ".json"))
        {
            problems.Add(new SettingsProblem(option, "an existing checkpoint (X, X.json or X.weights)",
                $"'{path}', which does not exist"));
        }

        return problems.Count == count ? spec : null;
    }

    private static ModelSpec? ParseBaseline(string text, int featureSeed, List<SettingsProblem> problems, string option)
    {
        var canonical = Alias(text);
        if (UnknownFamily(canonical) is { } unknown)
        {
            problems.Add(new SettingsProblem(option, Expected, $"'{text}': no family is named '{unknown}'"));
            return null;
        }

        if (!BaselineSpec.TryParse(canonical, out var baseline, out var error))
        {
            // The parser's message opens with the spec it was given; the problem names the spec as written.
            var prefix = $"Baseline spec '{canonical}': ";
            var detail = error.StartsWith(prefix, StringComparison.Ordinal) ? error[prefix.Length..] : error;
            problems.Add(new SettingsProblem(option,
                "a baseline spec with the family's own parameters (see predictivity models list)",
                $"'{text}': {detail}"));
            return null;
        }

        if (!canonical.Contains("seed=", StringComparison.OrdinalIgnoreCase))
        {
            baseline = baseline!.WithSeed(featureSeed);
        }

        return new ModelSpec(text) { Baseline = baseline, Seed = baseline!.Seed };
    }

    /// <summary>The family name in a baseline spec (or in the spec a <c>shuffled:</c> wraps) that no family has;
    /// null when every name is known.</summary>
    private static string? UnknownFamily(string text)
    {
        var parts = text.Split(':', 3);
        var name = parts[0].Trim();
        var family = BaselineFamilies.Find(name);
        if (family is null)
        {
            return name;
        }

        var inner = parts.Length > 1 ? parts[1].Trim() : "";
        var shuffles = string.Equals(family.Name, "shuffled", StringComparison.OrdinalIgnoreCase);
        return shuffles && inner.Length > 0 && !inner.Contains('=')
            && BaselineFamilies.Find(inner) is null ? inner : null;
    }

    /// <summary>True when <paramref name="text"/> begins with <c>name=value</c> rather than a family name:
    /// <c>d=8,seed=1</c> does, <c>place-cells:width=9cm</c> does not.</summary>
    private static bool StartsWithParameter(string text)
    {
        var first = text.Split(',')[0];
        var equals = first.IndexOf('=');
        var colon = first.IndexOf(':');
        return equals > 0 && (colon < 0 || equals < colon);
    }

    /// <summary>The network this spec names: a trained checkpoint loaded, or the bundled architecture with
    /// fresh weights (<see cref="Dimension"/> hidden units, initialised from <see cref="Seed"/>).</summary>
    /// <exception cref="InvalidOperationException">The spec is a baseline.</exception>
    /// <exception cref="FileNotFoundException">The checkpoint, or for an untrained network the bundled
    /// checkpoint whose architecture it copies, is missing.</exception>
    public PathIntegrator CreateNetwork()
    {
        if (!IsNetwork)
        {
            throw new InvalidOperationException($"'{Text}' is a baseline spec, not a network.");
        }

        if (Trained)
        {
            return CheckpointPath is null ? PathIntegrator.LoadBundled() : PathIntegrator.Load(CheckpointPath);
        }

        // The untrained control copies the bundled network's architecture, targets and place cells; without
        // that file there is no architecture to copy, and a silent default would be a different control.
        var bundled = PathIntegrator.BundledCheckpointPath;
        if (!File.Exists(bundled))
        {
            throw new FileNotFoundException(
                $"An untrained network copies the bundled network's architecture from '{bundled}', which is " +
                "missing; rebuild the toolkit (scripts/setup.sh) so models/ is copied next to it.", bundled);
        }

        using var template = PathIntegrator.Load(bundled);
        return PathIntegrator.CreateUntrained(
            template.Options with { HiddenSize = Dimension ?? template.Options.HiddenSize }, Seed);
    }

    /// <summary>A trained network's (bins × units) maps reduced to <see cref="Dimension"/>: projected on
    /// their top d principal components (<see cref="TruncatedFeatures.PrincipalSubspace"/>) or cut to d
    /// random units (<see cref="TruncatedFeatures.RandomUnits"/>); unchanged without d or for other specs.
    /// </summary>
    /// <remarks>Pass maps already restricted to the bins that will be used, so components describe them.
    /// </remarks>
    public SpatialMaps Reduce(SpatialMaps maps) => !(IsNetwork && Trained) || Dimension is not { } d ? maps
        : Reduction == TrainedReduction.RandomUnits ? TruncatedFeatures.RandomUnits(maps, d, Seed)
        : TruncatedFeatures.PrincipalSubspace(maps, d);

    private static int? Integer(string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string Alias(string text)
    {
        foreach (var (alias, name) in new[] { ("place", "place-cells"), ("grid", "grid-cells") })
        {
            foreach (var prefix in new[] { "", "shuffled:" })
            {
                var start = prefix + alias;
                if (text.Equals(start, StringComparison.OrdinalIgnoreCase)
                    || text.StartsWith(start + ":", StringComparison.OrdinalIgnoreCase))
                {
                    return prefix + name + text[start.Length..];
                }
            }
        }

        return text;
    }

    private ModelSpec With(int? dimension = null, int? seed = null, string? checkpoint = null,
        TrainedReduction? reduction = null) => new(Text)
    {
        Reduction = reduction ?? Reduction,
        Trained = Trained,
        Shuffled = Shuffled,
        Baseline = Baseline,
        Dimension = dimension ?? Dimension,
        Seed = seed ?? Seed,
        CheckpointPath = checkpoint ?? CheckpointPath,
    };
}

/// <summary>How a trained network's maps are reduced to d features.</summary>
public enum TrainedReduction
{
    /// <summary>Projected on their top d principal components (<c>reduce=pca</c>), in unit coordinates.</summary>
    PrincipalSubspace,

    /// <summary>d units drawn at random with the spec's seed (<c>reduce=units</c>).</summary>
    RandomUnits,
}
