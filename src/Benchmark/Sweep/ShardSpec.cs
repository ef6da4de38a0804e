using System.Globalization;

namespace NeuralPredictivity.Benchmark;

/// <summary>Which share of a sweep's units one process runs (<c>--shard i/n</c>, 1 ≤ i ≤ n).</summary>
/// <remarks>
/// Units are dealt round-robin in plan order: the unit at 0-based position p belongs to shard
/// (p mod n) + 1. The plan order is fixed by <c>sweep.json</c>, so every shard of a job array agrees on
/// the assignment, and each shard gets a mix of small and large dimensions. Shards are numbered from
/// 1 like array task ids in most schedulers; with a 0-based array use <c>--shard $((ID+1))/n</c>.
/// </remarks>
/// <param name="Index">This shard, 1-based.</param>
/// <param name="Count">Number of shards.</param>
public sealed record ShardSpec(int Index, int Count)
{
    /// <summary>The whole sweep in one process.</summary>
    public static ShardSpec All { get; } = new(1, 1);

    /// <summary>Whether the unit at <paramref name="position"/> in plan order belongs to this shard.</summary>
    public bool Owns(int position) => position % Count == Index - 1;

    /// <summary>Parses <c>i/n</c>; returns null and a problem naming <c>--shard</c> when malformed.</summary>
    public static ShardSpec? TryParse(string text, out SettingsProblem? problem)
    {
        problem = null;
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index >= 1 && index <= count)
        {
            return new ShardSpec(index, count);
        }

        problem = new SettingsProblem("--shard", "i/n with 1 ≤ i ≤ n, such as 2/8", $"'{text}'");
        return null;
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
