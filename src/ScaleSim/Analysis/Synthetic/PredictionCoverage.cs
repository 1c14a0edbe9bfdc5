namespace ScaleSim.Analysis.Synthetic;

/// <summary>
/// How well each approach's plan extrapolates: many sweeps drawn from one known surface, each analysed as
/// <c>analyze --predict-at</c> would, each approach's N_opt and D_opt at a budget beyond the sweep compared with the
/// surface's own optimum — how often within a tolerance, and how often its 95% interval covers the truth — and how
/// close each approach's exponent a comes to the surface's.
/// </summary>
public static class PredictionCoverage
{
    /// <summary>Analyses <paramref name="seeds"/> sweeps (seeds 0, 1, …) and predicts each at <paramref name="flops"/>.</summary>
    /// <param name="sweep">The sweep design and its surface.</param>
    /// <param name="flops">The budget predicted (the targets use 30× the sweep's largest budget).</param>
    /// <param name="seeds">How many sweeps.</param>
    /// <param name="options">The analysis options (resamples; PredictAt is replaced by <paramref name="flops"/>).</param>
    /// <param name="tolerance">The relative error that counts as "within" (the targets use 10%).</param>
    public static IReadOnlyList<ApproachCoverage> Run(SyntheticIsoFlopSweep sweep, double flops, int seeds, AnalysisOptions options, double tolerance = 0.1)
    {
        if (seeds < 1) throw InputException.About($"{InputName.Of("seeds")} must be at least 1, got {seeds}");
        double trueN = sweep.OptimalParams(flops), trueD = sweep.OptimalTokens(flops);
        double trueA = sweep.Law.ParamsExponent;
        var outcomes = new List<(string Approach, AllocationPrediction Prediction, double A)>();
        for (int seed = 0; seed < seeds; seed++)
        {
            // Grouped by compute, as a table without a budget column is.
            var result = ScalingAnalysis.Run(sweep.Table(seed), null, options with { PredictAt = [flops], Seed = seed });
            foreach (var estimate in new[] { result.Approach1, result.Approach2, result.Approach3 })
                if (estimate is not null) outcomes.Add((estimate.Approach, estimate.Predictions[0], estimate.A));
        }
        return outcomes.GroupBy(o => o.Approach).OrderBy(g => g.Key).Select(g =>
        {
            var p = g.Select(o => o.Prediction).ToList();
            var exponentErrors = g.Select(o => Math.Abs(o.A - trueA)).ToList();
            return new ApproachCoverage(g.Key, seeds, p.Count, flops, trueN, trueD,
                Median(exponentErrors), exponentErrors.Max(), exponentErrors.Count(e => e <= ExponentTolerance) / (double)seeds,
                Median(p.Select(x => Math.Abs(x.Params / trueN - 1))),
                Median(p.Select(x => Math.Abs(x.Tokens / trueD - 1))),
                Fraction(p, x => Math.Abs(x.Params / trueN - 1) <= tolerance && Math.Abs(x.Tokens / trueD - 1) <= tolerance, seeds),
                Fraction(p, x => Covers(x.ParamsInterval, trueN), seeds),
                Fraction(p, x => Covers(x.TokensInterval, trueD), seeds));
        }).ToList();
    }

    /// <summary>An exponent within this of the truth counts as recovered (the issue's target for Approach 2).</summary>
    public const double ExponentTolerance = 0.02;

    private static bool Covers((double Low, double High)? interval, double truth) => interval is { } i && i.Low <= truth && truth <= i.High;

    private static double Fraction(IReadOnlyList<AllocationPrediction> predictions, Func<AllocationPrediction, bool> hit, int seeds) =>
        predictions.Count(hit) / (double)seeds;

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
