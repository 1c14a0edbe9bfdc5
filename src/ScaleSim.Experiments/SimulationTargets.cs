using System.Globalization;
using ScaleSim.Analysis;
using ScaleSim.Laws;

namespace ScaleSim.Experiments;

/// <summary>The targets an IsoFLOP simulation is held to, checked against one analysis.</summary>
public static class SimulationTargets
{
    /// <summary>Each target, with what <paramref name="r"/> measured.</summary>
    public static IReadOnlyList<SimulationTarget> Evaluate(ScalingAnalysisResult r)
    {
        var targets = new List<SimulationTarget>();
        int interior = r.Parabolas.Count(p => p.HasInteriorMinimum);
        targets.Add(new("every budget's IsoFLOP curve has an interior minimum", $"{interior} of {r.Groups.Count}", interior == r.Groups.Count && r.Groups.Count > 0));
        var exponents = new[] { r.Approach1, r.Approach2, r.Approach3 }.Where(e => e is not null).Select(e => e!.A).ToList();
        double spread = exponents.Max() - exponents.Min();
        targets.Add(new("the three approaches' a agree within 0.1", $"spread {F(spread, 3)} ({string.Join(", ", exponents.Select(a => F(a, 3)))})", exponents.Count == 3 && spread <= 0.1));
        if (r.Backtest is { } b)
        {
            targets.Add(new("backtest: largest budget's optimal loss within 2%", b.LossError.ToString("+0.00%;-0.00%", CultureInfo.InvariantCulture), Math.Abs(b.LossError) <= 0.02));
            targets.Add(new("backtest: largest budget's optimal N within a factor of 2", $"ratio {F(b.ParamsRatio, 2)}", b.ParamsRatio is >= 0.5 and <= 2));
        }
        else targets.Add(new("backtest", "not possible (fewer than three budgets)", false));
        double e = ((ChinchillaLaw)r.Approach3Fit.Law).E;
        if (r.EntropyFloor is { } floor)
        {
            string error = (e / floor - 1).ToString("+0.0%;-0.0%", CultureInfo.InvariantCulture);
            targets.Add(new("fitted E within 5% of the source's entropy floor", $"E = {F(e, 4)} vs floor {F(floor, 4)} ({error})", Math.Abs(e / floor - 1) <= 0.05));
        }
        return targets;
    }

    private static string F(double value, int decimals) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);
}
