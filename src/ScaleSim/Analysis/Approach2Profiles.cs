using ScaleSim.Runs;

namespace ScaleSim.Analysis;

/// <summary>
/// Hoffmann et al. (2022) Approach 2: a parabola in log N per IsoFLOP budget, its vertex as that budget's optimum, then
/// power laws through the vertices. Budgets whose parabola has no interior minimum are left out (and reported).
/// </summary>
public static class Approach2Profiles
{
    /// <summary>
    /// Whether a group is an IsoFLOP profile: at least three distinct sizes (fewer cannot define a parabola) at one budget
    /// (compute within a factor of <see cref="MaxSpread"/>; a wider group is a scatter of runs, not a profile).
    /// </summary>
    public static bool IsProfile(RunTable runs, IsoFlopGroup group)
    {
        var n = runs.RequireParams();
        var c = runs.RequireFlops();
        return group.Rows.Select(r => n[r]).Distinct().Count() >= 3
            && group.Rows.Max(r => c[r]) / group.Rows.Min(r => c[r]) <= MaxSpread;
    }

    /// <summary>The widest compute ratio within one IsoFLOP budget.</summary>
    public const double MaxSpread = 2.0;

    /// <summary>A parabola per group that <see cref="IsProfile"/>.</summary>
    public static IReadOnlyList<IsoFlopParabola> Parabolas(RunTable runs, IReadOnlyList<IsoFlopGroup> groups)
    {
        var n = runs.RequireParams();
        return groups.Where(g => IsProfile(runs, g))
            .Select(g => IsoFlopParabola.Fit(g.Flops, g.Rows.Select(r => n[r]).ToArray(), g.Rows.Select(r => runs.Loss[r]).ToArray()))
            .ToList();
    }

    /// <summary>Power laws through the interior minima.</summary>
    public static AllocationEstimate Fit(IReadOnlyList<IsoFlopParabola> parabolas)
    {
        var interior = parabolas.Where(p => p.HasInteriorMinimum).ToList();
        if (interior.Count < 2)
            throw new InputException($"Approach 2 needs at least two budgets with an interior minimum; {interior.Count} of {parabolas.Count} have one");
        var points = interior.Select(p => new FrontierPoint(p.Flops, p.OptimalParams, p.OptimalTokens, p.MinimumLoss)).ToList();
        var flops = points.Select(p => p.Flops).ToArray();
        return new AllocationEstimate("2",
            PowerLaw.FitLogLog(flops, points.Select(p => p.Params).ToArray(), "Approach 2"),
            PowerLaw.FitLogLog(flops, points.Select(p => p.Tokens).ToArray(), "Approach 2"),
            points);
    }
}
