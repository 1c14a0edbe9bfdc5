namespace ScaleSim.Fitting;

/// <summary>
/// Runs the resamples of a bootstrap in parallel. The caller says how one resample is drawn and refitted; resample i
/// draws from its own generator, seeded by (seed, i), so the results are the same whatever the number of threads and
/// however they are scheduled.
/// </summary>
public static class BootstrapResampler
{
    /// <summary>
    /// Runs <paramref name="drawAndRefit"/> once per resample, each with the generator of its index, and returns the
    /// results in resample order.
    /// </summary>
    public static T[] Run<T>(int resamples, int seed, ParallelOptions parallel, Func<Random, T> drawAndRefit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(resamples);
        var results = new T[resamples];
        Parallel.For(0, resamples, parallel, i => results[i] = drawAndRefit(new Random(ResampleSeed(seed, i))));
        return results;
    }

    /// <summary>
    /// A seed for resample i that is the same in every process (System.HashCode is randomised per process, so it
    /// cannot be used here): the SplitMix64 finaliser of (seed, i).
    /// </summary>
    internal static int ResampleSeed(int seed, int index)
    {
        ulong z = ((ulong)(uint)seed << 32 | (uint)index) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)((z ^ (z >> 31)) & 0x7FFFFFFF);
    }
}
