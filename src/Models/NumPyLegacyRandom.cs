namespace NeuralPredictivity.Models;

/// <summary>
/// The Mersenne Twister stream of NumPy's legacy <c>np.random.seed(s)</c> / <c>RandomState(s)</c>,
/// with its uniform, normal and Rayleigh draws.
/// </summary>
/// <remarks>
/// Published path-integrator code (Sorscher et al. 2019) draws place-cell centres and trajectories
/// with NumPy's legacy generator. Reproducing the same stream lets a network trained elsewhere be
/// imported with exactly its place-cell centres, and lets the trajectory generator be checked
/// draw for draw against a NumPy reference (tests/golden/models/generate.py).
/// Seeding is MT19937 <c>init_genrand</c> (NumPy's integer seeding); a double takes two 32-bit
/// outputs, <c>((a ≫ 5)·2²⁶ + (b ≫ 6)) / 2⁵³</c>. Normals use the polar Box–Muller method with one
/// cached value, Rayleigh draws are <c>σ·√(−2 ln(1 − u))</c>. Logarithms may differ from NumPy's in
/// the last bit, so draws agree to about 1e-15 relative, not bit for bit.
/// </remarks>
internal sealed class NumPyLegacyRandom
{
    private const int StateLength = 624;
    private const int Shift = 397;
    private readonly uint[] _state = new uint[StateLength];
    private int _position;
    private bool _hasGauss;
    private double _gauss;

    internal NumPyLegacyRandom(uint seed)
    {
        _state[0] = seed;
        for (var i = 1; i < StateLength; i++)
        {
            var previous = _state[i - 1];
            _state[i] = unchecked(1812433253u * (previous ^ (previous >> 30)) + (uint)i);
        }

        _position = StateLength;
    }

    /// <summary>A 32-bit seed for batch <paramref name="index"/> of a run seeded with
    /// <paramref name="seed"/>.</summary>
    /// <remarks>SplitMix64 finaliser of (seed, index): neighbouring batches get unrelated streams.</remarks>
    internal static uint DeriveSeed(long seed, long index)
    {
        unchecked
        {
            var z = (ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)index + 0x632BE59BD9B4E019UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (uint)(z >> 32);
        }
    }

    internal uint NextUInt32()
    {
        if (_position >= StateLength)
        {
            Twist();
        }

        var y = _state[_position++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9D2C5680u;
        y ^= (y << 15) & 0xEFC60000u;
        y ^= y >> 18;
        return y;
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    internal double NextDouble()
    {
        var a = NextUInt32() >> 5;
        var b = NextUInt32() >> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /// <summary>Uniform on [low, high), as <c>np.random.uniform(low, high)</c>.</summary>
    internal double Uniform(double low, double high) => low + (high - low) * NextDouble();

    /// <summary>Standard normal by the polar method; every second call returns the cached partner.</summary>
    internal double Gauss()
    {
        if (_hasGauss)
        {
            _hasGauss = false;
            return _gauss;
        }

        double x1, x2, r2;
        do
        {
            x1 = 2.0 * NextDouble() - 1.0;
            x2 = 2.0 * NextDouble() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        }
        while (r2 >= 1.0 || r2 == 0.0);

        var f = Math.Sqrt(-2.0 * Math.Log(r2) / r2);
        _gauss = f * x1;
        _hasGauss = true;
        return f * x2;
    }

    /// <summary>Normal with mean <paramref name="mean"/> and standard deviation <paramref name="sd"/>.</summary>
    internal double Normal(double mean, double sd) => mean + sd * Gauss();

    /// <summary>Rayleigh with scale <paramref name="scale"/> (mode), as <c>np.random.rayleigh(scale)</c>.</summary>
    internal double Rayleigh(double scale) => scale * Math.Sqrt(-2.0 * Math.Log(1.0 - NextDouble()));

    private void Twist()
    {
        const uint upper = 0x80000000u;
        const uint lower = 0x7FFFFFFFu;
        const uint matrix = 0x9908B0DFu;
        for (var i = 0; i < StateLength; i++)
        {
            var y = (_state[i] & upper) | (_state[(i + 1) % StateLength] & lower);
            var next = _state[(i + Shift) % StateLength] ^ (y >> 1);
            _state[i] = (y & 1u) != 0 ? next ^ matrix : next;
        }

        _position = 0;
    }
}
