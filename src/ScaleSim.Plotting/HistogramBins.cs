namespace ScaleSim.Plotting;

/// <summary>Counts of samples in equal-width bins.</summary>
/// <param name="Edges">Bin edges, one more than there are bins, increasing.</param>
/// <param name="Counts">Number of samples in each bin; the last bin includes its right edge.</param>
public sealed record HistogramBins(double[] Edges, int[] Counts)
{
    /// <summary>Width of each bin.</summary>
    public double BinWidth => Edges[1] - Edges[0];

    /// <summary>Centre of bin <paramref name="index"/>.</summary>
    public double Center(int index) => (Edges[index] + Edges[index + 1]) / 2;

    /// <summary>Bins <paramref name="samples"/> into <paramref name="binCount"/> equal bins spanning their range.</summary>
    /// <exception cref="ArgumentException">No samples, a non-finite sample, or fewer than one bin.</exception>
    public static HistogramBins FromSamples(IReadOnlyList<double> samples, int binCount)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
            throw new ArgumentException("A histogram needs at least one sample.", nameof(samples));
        if (binCount < 1)
            throw new ArgumentException($"A histogram needs at least one bin, got {binCount}.", nameof(binCount));
        for (int i = 0; i < samples.Count; i++)
        {
            if (!double.IsFinite(samples[i]))
                throw new ArgumentException($"Histogram sample [{i}] is {samples[i]}; samples must be finite.", nameof(samples));
        }

        double min = samples.Min(), max = samples.Max();
        if (max == min)
        {
            // All samples equal: one unit-wide (or value-relative) window centred on them.
            double half = min == 0 ? 0.5 : Math.Abs(min) * 0.05;
            min -= half;
            max += half;
        }

        double width = (max - min) / binCount;
        double[] edges = Enumerable.Range(0, binCount + 1).Select(i => min + i * width).ToArray();
        edges[^1] = max;
        var counts = new int[binCount];
        foreach (double sample in samples)
        {
            int bin = (int)Math.Floor((sample - min) / width);
            counts[Math.Clamp(bin, 0, binCount - 1)]++;
        }
        return new HistogramBins(edges, counts);
    }
}
