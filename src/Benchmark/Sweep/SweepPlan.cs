using System.Globalization;

namespace NeuralPredictivity.Benchmark;

/// <summary>What a sweep runs: every (family, d, seed) with one shared protocol.</summary>
/// <remarks>
/// Units are ordered family by family (in the order given), then by increasing d, then by seed; this
/// order fixes shard assignment (<see cref="ShardSpec"/>) and the rows of <c>sweep.csv</c>.
/// <see cref="Run"/> holds the protocol every unit shares; its <see cref="RunSettings.Model"/>,
/// <see cref="RunSettings.Seed"/> and <see cref="RunSettings.OutputFolder"/> are replaced per unit.
/// <para>Limitation: <see cref="DimensionMatch.ParticipationRatio"/> matches baseline families only, by
/// varying their shape parameter at fixed d; network families (trained, untrained, shuffled trained) keep
/// their nominal d, since a network has no continuous parameter that sets its participation ratio. Compare
/// them with the baselines on the participation-ratio axis of <c>predictivity_vs_pr.png</c>.</para>
/// </remarks>
public sealed record SweepPlan
{
    /// <summary>Family specs without d and seed (<c>--families</c>).</summary>
    public required IReadOnlyList<string> Families { get; init; }

    /// <summary>Nominal dimensions, each ≥ 1 (<c>--dims</c>).</summary>
    public required IReadOnlyList<int> Dimensions { get; init; }

    /// <summary>Seeds, each ≥ 0 (<c>--seeds</c>).</summary>
    public required IReadOnlyList<int> Seeds { get; init; }

    /// <summary>How baseline dimensions are matched (<c>--match</c>).</summary>
    public DimensionMatch Match { get; init; } = DimensionMatch.Nominal;

    /// <summary>The protocol shared by every unit.</summary>
    public required RunSettings Run { get; init; }

    /// <summary>Every unit in plan order.</summary>
    public IReadOnlyList<SweepUnit> Units() =>
        (from family in Families
         from d in Dimensions.Order()
         from seed in Seeds
         select new SweepUnit(family, d, seed)).ToList();

    /// <summary>The settings of one unit's run, written to <paramref name="unitFolder"/>.</summary>
    public RunSettings SettingsFor(SweepUnit unit, string unitFolder)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return Run with
        {
            Model = unit.ModelSpec,
            Seed = unit.Seed,
            OutputFolder = unitFolder,
            Figures = false,
            WriteMaps = false,
            MatchParticipationRatioOf = Match == DimensionMatch.ParticipationRatio && !IsNetworkFamily(unit.Family)
                ? new SweepUnit(ReferenceFamily, unit.Dimension, unit.Seed).ModelSpec
                : null,
        };
    }

    /// <summary>The trained family baselines are matched to with <see cref="DimensionMatch.ParticipationRatio"/>:
    /// the first trained family of the plan (the bundled checkpoint when none is listed).</summary>
    public string ReferenceFamily =>
        Families.FirstOrDefault(f => f.Equals("trained", StringComparison.OrdinalIgnoreCase)
            || f.StartsWith("trained:", StringComparison.OrdinalIgnoreCase)) ?? "trained";

    /// <summary>Families built from a network (trained, untrained, shuffled trained): never PR-matched.</summary>
    internal static bool IsNetworkFamily(string family)
    {
        var name = family.Split(':')[0].Trim().ToLowerInvariant();
        var inner = family.Split(':').Skip(1).FirstOrDefault()?.Trim().ToLowerInvariant() ?? "";
        var shuffledTrained = inner.Length == 0 || inner.StartsWith("trained", StringComparison.Ordinal)
            || inner.Contains('=');
        return name is "trained" or "untrained" || (name == "shuffled" && shuffledTrained);
    }

    /// <summary>The plan as stored in <c>sweep.json</c>: without the machine-specific fields
    /// (output folder, thread count), which may differ between the shards of one sweep.</summary>
    public SweepPlan Normalised() => this with
    {
        Run = Run with { Model = "(per unit)", Seed = 0, OutputFolder = null, Threads = 1 },
    };

    /// <summary>Checks every field; returns all problems (empty when valid).</summary>
    public IReadOnlyList<SettingsProblem> Validate()
    {
        var problems = new List<SettingsProblem>();
        if (Families.Count == 0)
        {
            problems.Add(new("--families", "at least one family, such as trained,random-fourier", "none"));
        }

        foreach (var family in Families.Where(f => string.IsNullOrWhiteSpace(f)))
        {
            problems.Add(new("--families", "non-empty family names separated by commas", $"'{family}'"));
        }

        foreach (var family in Families.Where(f => f.Contains("d=", StringComparison.Ordinal)
                     || f.Contains("seed=", StringComparison.Ordinal)))
        {
            problems.Add(new("--families", "family specs without d= and seed= (the sweep sets them from --dims " +
                "and --seeds)", $"'{family}'"));
        }

        AddDuplicates(problems, "--families", Families);
        if (Dimensions.Count == 0)
        {
            problems.Add(new("--dims", "at least one dimension, such as 4,8,16", "none"));
        }

        foreach (var d in Dimensions.Where(d => d <= 0))
        {
            problems.Add(new("--dims", "every dimension ≥ 1", d.ToString(CultureInfo.InvariantCulture)));
        }

        AddDuplicates(problems, "--dims", Dimensions);
        if (Seeds.Count == 0)
        {
            problems.Add(new("--seeds", "at least one seed, such as 0,1,2", "none"));
        }

        foreach (var seed in Seeds.Where(s => s < 0))
        {
            problems.Add(new("--seeds", "every seed ≥ 0", seed.ToString(CultureInfo.InvariantCulture)));
        }

        AddDuplicates(problems, "--seeds", Seeds);
        problems.AddRange(Run.Validate().Where(p => p.Option is not "--model" and not "--seed"));
        return problems;
    }

    private static void AddDuplicates<T>(List<SettingsProblem> problems, string option, IEnumerable<T> values)
    {
        foreach (var group in values.GroupBy(v => v).Where(g => g.Count() > 1))
        {
            problems.Add(new(option, "each value once", $"{group.Key} listed {group.Count()} times"));
        }
    }
}
