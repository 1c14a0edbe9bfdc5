using ScaleSim.Laws;
using ScaleSim.Runs;

namespace ScaleSim.Analysis;

/// <summary>
/// Hoffmann et al. (2022) Approach 2: a parabola in log N per IsoFLOP budget, its vertex as that budget's optimum, then
/// power laws N_opt = G_N·C^a and D_opt = G_D·C^b through the vertices (as Llama 3's team did to plan their 405B model).
/// Budgets whose parabola has no interior minimum are left out (and reported).
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

    /// <summary>
    /// <see cref="Fit"/> on the profiles of <paramref name="groups"/> with 95% intervals on a and b: with
    /// <paramref name="seeds"/> (one per run) and a size trained with two or more of them, from the stratified seed
    /// bootstrap (<see cref="SeedResampling"/>), otherwise from resampling runs within each budget, as
    /// <see cref="ScalingAnalysis"/> does.
    /// </summary>
    public static AllocationEstimate FitWithIntervals(RunTable runs, IReadOnlyList<IsoFlopGroup> groups, IReadOnlyList<string?>? seeds, AnalysisOptions? options = null)
    {
        options ??= new AnalysisOptions();
        var draw = AllocationBootstrap.Drawer(runs, groups, SeedResampling.From(runs, seeds));
        return AllocationBootstrap.Bootstrapped(Fit(Parabolas(runs, groups)), options, random =>
        {
            var resampled = draw(random);
            return Fit(Parabolas(resampled.Runs, resampled.Groups));
        });
    }

    /// <summary>
    /// The runs' own scatter in log loss: the root mean square of the parabolas' relative residuals, pooled over the
    /// profiles with more than three runs and counted against their degrees of freedom (n − 3 each); null when no
    /// profile has more than three runs. A parabola is a smooth local model, so this is noise (and what a parabola misses).
    /// </summary>
    public static double? Scatter(IReadOnlyList<IsoFlopParabola> parabolas)
    {
        var used = parabolas.Where(p => p.Points > 3).ToList();
        if (used.Count == 0) return null;
        return Math.Sqrt(used.Sum(p => p.Residuals.Sum(r => r * r)) / used.Sum(p => p.Points - 3));
    }

    /// <summary>
    /// The bias of the parabolas on these runs' grid, measured on <paramref name="law"/>: each profile's sizes and
    /// tokens evaluated on the law without noise, fitted like the data, the vertex compared with the law's optimum at
    /// the budget (Hoffmann et al. 2022, Eq. 4). <paramref name="parabolas"/> are the data's, one per profile of
    /// <paramref name="groups"/>, in order.
    /// </summary>
    public static Approach2Bias Bias(RunTable runs, IReadOnlyList<IsoFlopGroup> groups, IReadOnlyList<IsoFlopParabola> parabolas, ChinchillaLaw law)
    {
        var n = runs.RequireParams();
        var d = runs.RequireTokens();
        var profiles = groups.Where(g => IsProfile(runs, g)).ToList();
        var exact = profiles.Select(g => IsoFlopParabola.Fit(g.Flops, g.Rows.Select(r => n[r]).ToArray(), g.Rows.Select(r => law.Loss(n[r], d[r])).ToArray())).ToList();
        var bias = exact.Select(p => p.HasInteriorMinimum ? p.OptimalParams / (law.AllocationScale * Math.Pow(p.Flops / 6, law.ParamsExponent)) - 1 : double.NaN).ToList();
        // The budgets Approach 2 itself used: those whose data parabola has an interior minimum.
        var used = Enumerable.Range(0, exact.Count).Where(i => parabolas[i].HasInteriorMinimum && exact[i].HasInteriorMinimum).ToList();
        PowerLaw? vertexLaw = used.Select(i => exact[i].Flops).Distinct().Count() >= 2
            ? PowerLaw.FitLogLog(used.Select(i => exact[i].Flops).ToArray(), used.Select(i => exact[i].OptimalParams).ToArray(), "Approach 2 bias")
            : null;
        return new Approach2Bias(law, bias, vertexLaw);
    }
}
