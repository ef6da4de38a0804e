namespace NeuralPredictivity.Baselines;

/// <summary>SplitMix64 generator with per-feature streams: the only source of randomness in Baselines.</summary>
/// <remarks>
/// A hand-written generator, not <see cref="Random"/>, so that a seed gives the same bytes on every
/// .NET version (System.Random's seeded algorithm is not guaranteed across releases). Each feature
/// draws from its own stream, keyed by (seed, family salt, feature index), so feature j is the same
/// whatever d is: a family at d = 64 is the first 64 columns of the same family at d = 512. That
/// nesting makes the participation ratio a smooth function of d for matching. SplitMix64 (Steele,
/// Lea and Flood 2014) passes BigCrush; its state increment is the odd constant 0x9E3779B97F4A7C15.
/// </remarks>
internal sealed class SeededRandom
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private ulong _state;

    internal SeededRandom(ulong state)
    {
        _state = state;
    }

    /// <summary>Stream for one feature of one family; distinct keys give unrelated streams.</summary>
    internal static SeededRandom ForFeature(int seed, string salt, int feature)
    {
        var key = Mix((ulong)(uint)seed * Golden ^ Fnv1a(salt));
        key = Mix(key ^ ((ulong)(uint)feature + 1) * 0xD1B54A32D192ED03UL);
        return new SeededRandom(key);
    }

    /// <summary>The next 64 random bits.</summary>
    internal ulong NextUInt64()
    {
        _state += Golden;
        return Mix(_state);
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    internal double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform on [<paramref name="low"/>, <paramref name="high"/>).</summary>
    internal double NextUniform(double low, double high) => low + (high - low) * NextDouble();

    /// <summary>Standard normal draw by the Box–Muller transform (one of the pair is used).</summary>
    internal double NextGaussian()
    {
        // 1 − U lies in (0, 1], so the logarithm is finite.
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Uniform integer in [0, <paramref name="count"/>) without modulo bias (Lemire's method).</summary>
    internal int NextInt(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var bound = (ulong)count;
        var threshold = (0UL - bound) % bound;
        while (true)
        {
            var product = Math.BigMul(NextUInt64(), bound, out var low);
            if (low >= threshold)
            {
                return (int)product;
            }
        }
    }

    /// <summary>SplitMix64's output function (a bijection on 64-bit words).</summary>
    internal static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong Fnv1a(string text)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 0x100000001B3UL;
        }

        return hash;
    }
}
