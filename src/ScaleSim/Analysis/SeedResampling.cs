using ScaleSim.Runs;

namespace ScaleSim.Analysis;

/// <summary>
/// The stratified seed bootstrap of a sweep trained with several seeds: within each model size, the seeds are drawn
/// with replacement, and a drawn seed brings every run of that size and seed with it. The sizes and budgets stay as
/// designed; only the seed — the initial weights and the data order — is resampled, so the intervals measure how much
/// the answer moves with the training noise a rerun would bring.
/// </summary>
/// <remarks>
/// <para>Why the sizes are not resampled too: they are a fixed design, not a sample. Resampling the points of a budget
/// (as the bootstrap does without seeds) lets a resample drop the sizes around the optimum and put a parabola's vertex
/// anywhere; the interval then measures the design's leverage as much as noise. How much the answer depends on the
/// model of the profile (parabola, Huber or least squares, which runs are kept) is what the robustness table shows.</para>
/// <para>Why a seed is resampled per size rather than per point: one seed's runs of one size at different budgets share
/// their initial weights and the start of their data order (and, when they branch from one stem, the stem itself), so
/// they are not independent draws.</para>
/// <para>With k seeds per size the bootstrap variance of a mean is (k − 1)/k of the sample variance: with two seeds the
/// intervals are about 30% narrower (1/√2 in width) than the spread a rerun would show.</para>
/// </remarks>
public sealed class SeedResampling
{
    private readonly int[][][] _strata;

    private SeedResampling(int[][][] strata, int count)
    {
        _strata = strata;
        Count = count;
    }

    /// <summary>Rows of the table it resamples.</summary>
    public int Count { get; }

    /// <summary>Model sizes (strata).</summary>
    public int Sizes => _strata.Length;

    /// <summary>The fewest seeds any size has.</summary>
    public int MinSeeds => _strata.Min(s => s.Length);

    /// <summary>The most seeds any size has.</summary>
    public int MaxSeeds => _strata.Max(s => s.Length);

    /// <summary>
    /// The design of <paramref name="runs"/> with seeds <paramref name="seeds"/> (one per row), or null when no size has
    /// two seeds (there is nothing to resample: the caller falls back to resampling runs). Sizes are distinct N.
    /// </summary>
    public static SeedResampling? From(RunTable runs, IReadOnlyList<string?>? seeds)
    {
        if (seeds is null || seeds.Count != runs.Count || seeds.Any(s => s is null)) return null;
        var n = runs.RequireParams();
        var strata = Enumerable.Range(0, runs.Count)
            .GroupBy(i => n[i])
            .OrderBy(g => g.Key)
            .Select(size => size.GroupBy(i => seeds[i]!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(seed => seed.Order().ToArray()).ToArray())
            .ToArray();
        if (strata.All(s => s.Length < 2)) return null;
        return new SeedResampling(strata, runs.Count);
    }

    /// <summary>One resample: the rows of the drawn seeds of every size, in the order drawn (rows repeat).</summary>
    public int[] Draw(Random random)
    {
        var rows = new List<int>(Count);
        foreach (var seeds in _strata)
            for (int k = 0; k < seeds.Length; k++) rows.AddRange(seeds[random.Next(seeds.Length)]);
        return [.. rows];
    }

    /// <summary>
    /// The seed noise of each budget: the pooled standard deviation across seeds of log loss at the points of the
    /// budget with two or more seeds, √(Σ(kᵢ − 1)sᵢ² / Σ(kᵢ − 1)).
    /// </summary>
    public static IReadOnlyList<SeedNoise> ByBudget(RunTable runs, IReadOnlyList<IsoFlopGroup> groups, IReadOnlyList<string?>? seeds)
    {
        var n = runs.RequireParams();
        var noise = new List<SeedNoise>();
        foreach (var g in groups)
        {
            var points = g.Rows.GroupBy(r => n[r]).Select(p => p.Select(r => Math.Log(runs.Loss[r])).ToArray()).ToList();
            var repeated = points.Where(p => p.Length >= 2).ToList();
            int seedCount = seeds is null ? 1 : g.Rows.Select(r => seeds[r]).Distinct().Count();
            int minSeeds = seeds is null ? 1 : g.Rows.GroupBy(r => n[r]).Min(p => p.Select(r => seeds[r]).Distinct().Count());
            double? pooled = null;
            if (repeated.Count > 0)
            {
                double ss = repeated.Sum(p => { double m = p.Average(); return p.Sum(x => (x - m) * (x - m)); });
                pooled = Math.Sqrt(ss / repeated.Sum(p => p.Length - 1));
            }
            noise.Add(new SeedNoise(g.Flops, points.Count, seedCount, minSeeds, pooled));
        }
        return noise;
    }
}
