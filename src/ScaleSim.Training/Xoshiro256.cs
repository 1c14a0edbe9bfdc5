namespace ScaleSim.Training;

/// <summary>
/// xoshiro256** (Blackman &amp; Vigna 2018) seeded through SplitMix64: a small, fully specified generator, so that
/// initialisation and data order are reproducible across machines, runtimes and (later) GPU ports.
/// </summary>
/// <remarks>
/// Streams: <see cref="ForStream"/> derives an independent generator from (seed, stream, index) by hashing the three
/// through SplitMix64, so the batch for optimizer step i is a pure function of (run seed, i). That is what makes a
/// resumed run draw exactly the batches an uninterrupted one would.
/// </remarks>
public struct Xoshiro256
{
    private ulong _s0, _s1, _s2, _s3;
    private double _spareNormal;
    private bool _hasSpare;

    /// <summary>Seeds the four words of state from SplitMix64(seed).</summary>
    public Xoshiro256(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
        _spareNormal = 0;
        _hasSpare = false;
    }

    /// <summary>A generator for one named stream of a seed (e.g. the training batch of step <paramref name="index"/>).</summary>
    public static Xoshiro256 ForStream(ulong seed, ulong stream, ulong index = 0)
    {
        ulong x = seed;
        ulong h = SplitMix64(ref x);
        x = h ^ (stream * 0xD1B54A32D192ED03UL);
        h = SplitMix64(ref x);
        x = h ^ (index * 0x8CB92BA72F3D8DD7UL);
        return new Xoshiro256(SplitMix64(ref x));
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform on (0, 1]: never zero, safe under a logarithm.</summary>
    public double NextDoubleNonZero() => ((NextUInt64() >> 11) + 1) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, n) by Lemire's multiply-shift with rejection (unbiased).</summary>
    public int NextInt(int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "must be positive");
        ulong range = (ulong)n;
        while (true)
        {
            ulong x = NextUInt64() >> 32;
            ulong m = x * range;
            ulong low = m & 0xFFFFFFFFUL;
            if (low >= range || low >= (0x1_0000_0000UL - range) % range) return (int)(m >> 32);
        }
    }

    /// <summary>Standard normal by the Box–Muller transform (the second value of each pair is kept for the next call).</summary>
    public double NextNormal()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spareNormal;
        }
        double u1 = NextDoubleNonZero(), u2 = NextDouble();
        double r = Math.Sqrt(-2.0 * Math.Log(u1));
        _spareNormal = r * Math.Sin(2 * Math.PI * u2);
        _hasSpare = true;
        return r * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>Gamma(shape, 1) by Marsaglia &amp; Tsang (2000), with the U^(1/shape) boost for shape &lt; 1.</summary>
    public double NextGamma(double shape)
    {
        if (!(shape > 0)) throw new ArgumentOutOfRangeException(nameof(shape), shape, "must be positive");
        if (shape < 1) return NextGamma(shape + 1) * Math.Pow(NextDoubleNonZero(), 1.0 / shape);
        double d = shape - 1.0 / 3.0, c = 1.0 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = NextNormal();
                v = 1 + c * x;
            }
            while (v <= 0);
            v = v * v * v;
            double u = NextDoubleNonZero();
            if (u < 1 - 0.0331 * x * x * x * x || Math.Log(u) < 0.5 * x * x + d * (1 - v + Math.Log(v))) return d * v;
        }
    }

    private static ulong SplitMix64(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
