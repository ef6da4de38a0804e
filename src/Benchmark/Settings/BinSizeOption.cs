using System.Globalization;
using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Benchmark;

/// <summary>The value of <c>--bin-size</c>: one length syntax and one size limit for every command that takes it
/// (<c>run</c>, <c>sweep</c>, <c>models preview</c>, <c>models match</c>, <c>datasets inspect</c>,
/// <c>gridscores</c>).</summary>
/// <remarks>
/// <para>A length is a number with an optional unit: <c>5</c> and <c>5cm</c> are 5 cm, <c>50mm</c> is 5 cm,
/// <c>0.05m</c> is 5 cm. A bare number is in cm, the unit every map and figure uses.</para>
/// <para>The grid over an arena has ⌈width / bin⌉ × ⌈height / bin⌉ bins (as <see cref="SpatialGrid"/> builds
/// it), and every map is (bins × neurons) or (bins × features): memory and time grow with the inverse square of
/// the bin side. <see cref="MaxBinCount"/> = 40 000 bins (0.75 cm bins in a 150 cm box) stops a mistyped value
/// (0.05 for 5) before it asks for gigabytes: a 4096-feature map on 40 000 bins is already 1.3 GB of doubles,
/// and a 10–20 min session leaves most of 40 000 bins unvisited, so finer grids only add empty bins.</para>
/// </remarks>
public static class BinSizeOption
{
    /// <summary>The option every problem names.</summary>
    public const string Name = "--bin-size";

    /// <summary>The largest grid any command builds, in bins.</summary>
    public const int MaxBinCount = 40_000;

    /// <summary>What a well-formed value looks like, as a problem states it.</summary>
    public const string Syntax = "a positive length such as 5 (cm), 5cm, 50mm or 0.05m";

    /// <summary>The length <paramref name="text"/> gives, in cm; NaN when it is not a finite length.</summary>
    public static double ParseCm(string? text)
    {
        var trimmed = (text ?? "").Trim();
        var (number, scale) = trimmed switch
        {
            _ when trimmed.EndsWith("mm", StringComparison.OrdinalIgnoreCase) => (trimmed[..^2], 0.1),
            _ when trimmed.EndsWith("cm", StringComparison.OrdinalIgnoreCase) => (trimmed[..^2], 1.0),
            _ when trimmed.EndsWith('m') || trimmed.EndsWith('M') => (trimmed[..^1], 100.0),
            _ => (trimmed, 1.0),
        };
        return double.TryParse(number.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value) ? value * scale : double.NaN;
    }

    /// <summary>The bin side in cm, or null with a problem naming <paramref name="option"/> when the text is not
    /// a positive length.</summary>
    public static double? Read(string text, List<SettingsProblem> problems, string option = Name)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var value = ParseCm(text);
        if (value > 0)
        {
            return value;
        }

        problems.Add(new SettingsProblem(option, Syntax, $"'{text}'"));
        return null;
    }

    /// <summary>Bins of the grid over <paramref name="arena"/>, computed in floating point so that a tiny bin
    /// gives a huge count instead of an overflow.</summary>
    public static double BinCount(Arena arena, double binSizeCm)
    {
        ArgumentNullException.ThrowIfNull(arena);
        return AxisBins(arena.WidthCm, binSizeCm) * AxisBins(arena.HeightCm, binSizeCm);
    }

    /// <summary>The smallest bin side, rounded up to 0.01 cm, whose grid over <paramref name="arena"/> has at most
    /// <see cref="MaxBinCount"/> bins.</summary>
    public static double SmallestAllowedCm(Arena arena)
    {
        ArgumentNullException.ThrowIfNull(arena);
        var side = Math.Ceiling(Math.Sqrt(arena.WidthCm * arena.HeightCm / MaxBinCount) * 100) / 100;
        while (BinCount(arena, side) > MaxBinCount)
        {
            side = Math.Round(side + 0.01, 2);
        }

        return side;
    }

    /// <summary>A problem when the bin does not fit <paramref name="arena"/>: larger than its shorter side, or
    /// giving more than <see cref="MaxBinCount"/> bins; null when it fits.</summary>
    /// <param name="arena">The arena the grid covers.</param>
    /// <param name="binSizeCm">The bin side in cm, &gt; 0.</param>
    /// <param name="where">Where the arena comes from, such as the dataset's name.</param>
    public static SettingsProblem? Check(Arena arena, double binSizeCm, string where)
    {
        ArgumentNullException.ThrowIfNull(arena);
        var side = Math.Min(arena.WidthCm, arena.HeightCm);
        if (binSizeCm > side)
        {
            return new SettingsProblem(Name,
                $"a bin side no larger than the arena ({arena}), i.e. ≤ {Format(side)} cm", Format(binSizeCm));
        }

        var count = BinCount(arena, binSizeCm);
        if (count <= MaxBinCount)
        {
            return null;
        }

        var bins = count < 1e15 ? count.ToString("N0", CultureInfo.InvariantCulture)
            : double.IsFinite(count) ? count.ToString("0.#e0", CultureInfo.InvariantCulture)
            : "more than 1e308";
        return new SettingsProblem(Name,
            $"a grid of at most {MaxBinCount.ToString("N0", CultureInfo.InvariantCulture)} bins, i.e. a bin side " +
            $"≥ {Format(SmallestAllowedCm(arena))} cm in {where} ({arena})",
            $"{Format(binSizeCm)} cm, which gives {bins} bins");
    }

    private static double AxisBins(double extent, double binSize) =>
        Math.Max(1, Math.Ceiling(extent / binSize * (1 - 1e-9)));

    private static string Format(double value) => value >= 0.01
        ? value.ToString("0.##", CultureInfo.InvariantCulture)
        : value.ToString("R", CultureInfo.InvariantCulture);
}
