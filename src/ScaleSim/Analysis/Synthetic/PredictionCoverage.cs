namespace ScaleSim.Analysis.Synthetic;

/// <summary>
/// How well each approach's plan extrapolates: many sweeps drawn from one known surface, each analysed as
/// <c>analyze --predict-at</c> would, each approach's N_opt and D_opt at a budget beyond the sweep compared with the
/// surface's own optimum — how often within a tolerance, and how often its 95% interval covers the truth.
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
        var outcomes = new List<(string Approach, AllocationPrediction Prediction)>();
        for (int seed = 0; seed < seeds; seed++)
        {
            var runs = sweep.Table(seed);
            var input = ScalingAnalysisInput.Prepare(runs, RunAnnotations.FromColumns(runs));
            var result = ScalingAnalysis.Run(input.Runs, null, options with { PredictAt = [flops], Seed = seed }, input.Groups);
            foreach (var estimate in new[] { result.Approach1, result.Approach2, result.Approach3 })
                if (estimate is not null) outcomes.Add((estimate.Approach, estimate.Predictions[0]));
        }
        return outcomes.GroupBy(o => o.Approach).OrderBy(g => g.Key).Select(g =>
        {
            var p = g.Select(o => o.Prediction).ToList();
            return new ApproachCoverage(g.Key, seeds, p.Count, flops, trueN, trueD,
                Median(p.Select(x => Math.Abs(x.Params / trueN - 1))),
                Median(p.Select(x => Math.Abs(x.Tokens / trueD - 1))),
                Fraction(p, x => Math.Abs(x.Params / trueN - 1) <= tolerance && Math.Abs(x.Tokens / trueD - 1) <= tolerance, seeds),
                Fraction(p, x => Covers(x.ParamsInterval, trueN), seeds),
                Fraction(p, x => Covers(x.TokensInterval, trueD), seeds));
        }).ToList();
    }

    private static bool Covers((double Low, double High)? interval, double truth) => interval is { } i && i.Low <= truth && truth <= i.High;

    private static double Fraction(IReadOnlyList<AllocationPrediction> predictions, Func<AllocationPrediction, bool> hit, int seeds) =>
        predictions.Count(hit) / (double)seeds;

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
