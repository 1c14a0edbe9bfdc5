using System.Globalization;
using ScaleSim.Analysis;
using ScaleSim.Flops;
using ScaleSim.Laws;
using ScaleSim.Training.Sweeps;

namespace ScaleSim.Experiments;

/// <summary>
/// The targets an IsoFLOP simulation is held to (<see cref="ExperimentTargets"/>), checked against its analyses: the
/// exponent interval under total N, everything else under the experiment's own convention.
/// </summary>
public static class SimulationTargets
{
    /// <summary>Each target, with what the analyses measured.</summary>
    public static IReadOnlyList<SimulationTarget> Evaluate(IsoFlopExperiment experiment, IReadOnlyList<ConventionAnalysis> analyses)
    {
        var t = experiment.Targets;
        var primary = analyses[0];
        var r = primary.Result;
        string own = primary.Convention.Name();
        var targets = new List<SimulationTarget>();

        int budgets = r.Groups.Count;
        double span = budgets == 0 ? 0 : r.Groups.Max(g => g.Flops) / r.Groups.Min(g => g.Flops);
        int seeds = r.SeedNoise.Count == 0 ? 0 : r.SeedNoise.Min(n => n.MinSeedsPerPoint);
        targets.Add(new($"at least {t.MinBudgets} budgets spanning at least {F(t.MinBudgetSpan, 0)}×, at least {t.MinSeeds} seeds at every point",
            $"{budgets} budgets spanning {F(span, 1)}×, {seeds} seed(s) at the least-seeded point",
            budgets >= t.MinBudgets && span >= t.MinBudgetSpan * 0.999 && seeds >= t.MinSeeds));

        int interior = r.Parabolas.Count(p => p.HasInteriorMinimum);
        targets.Add(new("every budget's IsoFLOP curve has an interior minimum", $"{interior} of {budgets}", interior == budgets && budgets > 0));

        var total = analyses.FirstOrDefault(a => a.Convention == ParameterConvention.Total)?.Result;
        bool seedResampled = total?.Resampling.StartsWith("seeds", StringComparison.Ordinal) == true;
        if (total?.Approach2 is { CiA: { } ci } a2)
        {
            double half = (ci.High - ci.Low) / 2;
            targets.Add(new($"Approach 2's 95% interval on a (seeds resampled, total N): half-width at most {F(t.ExponentHalfWidth, 2)}",
                $"a = {F(a2.A, 3)} [{F(ci.Low, 3)}, {F(ci.High, 3)}], half-width {F(half, 3)}{(seedResampled ? "" : " (runs resampled: no size has two seeds)")}",
                seedResampled && half <= t.ExponentHalfWidth));
        }
        else targets.Add(new($"Approach 2's 95% interval on a (seeds resampled, total N): half-width at most {F(t.ExponentHalfWidth, 2)}", "no interval (Approach 2 failed or was not bootstrapped)", false));

        var exponents = new[] { r.Approach1, r.Approach2, r.Approach3 }.Where(e => e is not null).Select(e => e!.A).ToList();
        double spread = exponents.Max() - exponents.Min();
        targets.Add(new($"the three approaches' a within {F(t.ApproachSpread, 2)} of each other ({own} N)",
            $"spread {F(spread, 3)} ({string.Join(", ", exponents.Select(a => F(a, 3)))})", exponents.Count == 3 && spread <= t.ApproachSpread));

        if (r.Backtest is { } b)
        {
            string reach = t.BacktestExtrapolation > 1 ? $", {F(t.BacktestExtrapolation, 0)}× beyond the fitted budgets" : "";
            string ci95 = b.CiLossError is { } l ? $" [{P(l.Low)}, {P(l.High)}]" : "";
            string ratioCi = b.CiParamsRatio is { } q ? $" [{F(q.Low, 2)}, {F(q.High, 2)}]" : "";
            targets.Add(new($"backtest{reach}: the held-out budget's optimal loss within {P(t.BacktestLossError, 0)}",
                $"{P(b.LossError)}{ci95} at {b.Flops:0.0e+0}, {F(b.Extrapolation, 1)}× beyond {b.FittedFlops:0.0e+0}",
                Math.Abs(b.LossError) <= t.BacktestLossError && b.Extrapolation >= t.BacktestExtrapolation * 0.95));
            targets.Add(new($"backtest: the held-out budget's optimal N within {F(t.BacktestParamsRatio, 1)}×",
                $"ratio {F(b.ParamsRatio, 2)}{ratioCi}", b.ParamsRatio <= t.BacktestParamsRatio && b.ParamsRatio >= 1 / t.BacktestParamsRatio));
        }
        else targets.Add(new("backtest", "not possible (too few budgets below the largest)", false));

        double e = ((ChinchillaLaw)r.Approach3Fit.Law).E;
        if (r.EntropyFloor is { } floor)
            targets.Add(new($"fitted E within {P(t.FloorError, 0)} of the source's entropy floor", $"E = {F(e, 4)} vs floor {F(floor, 4)} ({P(e / floor - 1, 1)})", Math.Abs(e / floor - 1) <= t.FloorError));
        return targets;
    }

    private static string F(double value, int decimals) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);

    // A threshold ("1%") when decimals is 0, else a signed error ("-0.53%").
    private static string P(double value, int decimals = 2) => decimals == 0
        ? value.ToString("0.##%", CultureInfo.InvariantCulture)
        : value.ToString($"+0.{new string('0', decimals)}%;-0.{new string('0', decimals)}%;0.{new string('0', decimals)}%", CultureInfo.InvariantCulture);
}
