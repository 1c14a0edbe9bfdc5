using ScaleSim.Fitting;
using ScaleSim.Runs;

namespace ScaleSim.Analysis;

/// <summary>
/// The bootstrap behind the intervals of Approaches 1 and 2 and the backtest: one resample is either the seeds within
/// each size (<see cref="SeedResampling"/>, when sizes were trained with several seeds) or the runs within each budget.
/// </summary>
internal static class AllocationBootstrap
{
    /// <summary>Draws one resample of <paramref name="runs"/>: seeds within each size under <paramref name="design"/>, otherwise runs within each budget.</summary>
    public static Func<Random, (RunTable Runs, IReadOnlyList<IsoFlopGroup> Groups, int[] Rows)> Drawer(RunTable runs, IReadOnlyList<IsoFlopGroup> groups, SeedResampling? design) =>
        random =>
        {
            if (design is null) return ResampleWithinGroups(runs, groups, random);
            var rows = design.Draw(random);
            return (runs.Select(rows), Regroup(groups, rows), rows);
        };

    /// <summary>
    /// <paramref name="estimate"/> with percentile intervals of a and b, and its resamples, over resamples drawn by
    /// <paramref name="drawAndRefit"/>; resamples that cannot be fitted are skipped.
    /// </summary>
    public static AllocationEstimate Bootstrapped(AllocationEstimate estimate, AnalysisOptions options, Func<Random, AllocationEstimate> drawAndRefit)
    {
        if (options.Resamples < 2) return estimate;
        var resamples = BootstrapResampler.Run(options.Resamples, options.Seed, options.Fit.Parallel, random =>
        {
            try
            {
                // The points of a resample are not needed once its laws are fitted.
                return drawAndRefit(random) with { Points = [] };
            }
            catch (Exception e) when (e is InputException or FitFailedException)
            {
                return null;
            }
        });
        var fitted = resamples.OfType<AllocationEstimate>().ToList();
        var okA = fitted.Select(e => e.A).Where(double.IsFinite).Order().ToArray();
        var okB = fitted.Select(e => e.B).Where(double.IsFinite).Order().ToArray();
        if (okA.Length < 2) return estimate;
        return estimate with
        {
            CiA = (Percentiles.Interpolated(okA, Percentiles.Lower95), Percentiles.Interpolated(okA, Percentiles.Upper95)),
            CiB = (Percentiles.Interpolated(okB, Percentiles.Lower95), Percentiles.Interpolated(okB, Percentiles.Upper95)),
            Resamples = fitted,
        };
    }

    /// <summary>The groups of a resample: each group's rows are the positions in <paramref name="rows"/> of its original rows.</summary>
    public static IReadOnlyList<IsoFlopGroup> Regroup(IReadOnlyList<IsoFlopGroup> groups, int[] rows)
    {
        var groupOf = new Dictionary<int, int>();
        for (int g = 0; g < groups.Count; g++)
            foreach (int r in groups[g].Rows) groupOf[r] = g;
        var members = groups.Select(_ => new List<int>()).ToArray();
        for (int k = 0; k < rows.Length; k++)
            if (groupOf.TryGetValue(rows[k], out int g)) members[g].Add(k);
        return groups.Select((g, i) => new IsoFlopGroup(g.Flops, members[i])).ToList();
    }

    /// <summary>Resamples runs within each budget, so every budget keeps its number of runs.</summary>
    public static (RunTable Runs, IReadOnlyList<IsoFlopGroup> Groups, int[] Rows) ResampleWithinGroups(RunTable runs, IReadOnlyList<IsoFlopGroup> groups, Random random)
    {
        var rows = new List<int>();
        var newGroups = new List<IsoFlopGroup>();
        foreach (var g in groups)
        {
            var picked = Enumerable.Range(0, g.Rows.Count).Select(_ => g.Rows[random.Next(g.Rows.Count)]).ToList();
            newGroups.Add(new IsoFlopGroup(g.Flops, Enumerable.Range(rows.Count, picked.Count).ToArray()));
            rows.AddRange(picked);
        }
        return (runs.Select(rows), newGroups, [.. rows]);
    }
}
