using ScaleSim.Fitting;
using ScaleSim.Laws;

namespace ScaleSim.Analysis;

/// <summary>
/// One approach's answer to "how do N_opt and D_opt grow with C": N_opt = G_N·C^a, D_opt = G_D·C^b, with bootstrap
/// intervals (Hoffmann et al. 2022, Table 2; the intercepts are what Llama 3's team extrapolated their plan with).
/// </summary>
/// <param name="Approach">Which approach (1, 2 or 3).</param>
/// <param name="ParamsLaw">N_opt(C).</param>
/// <param name="TokensLaw">D_opt(C).</param>
/// <param name="Points">The optimal points the laws were fitted through (empty for Approach 3).</param>
/// <param name="CiA">95% bootstrap interval of a, or null when not bootstrapped.</param>
/// <param name="CiB">95% bootstrap interval of b, or null when not bootstrapped.</param>
public sealed record AllocationEstimate(
    string Approach,
    PowerLaw ParamsLaw,
    PowerLaw TokensLaw,
    IReadOnlyList<FrontierPoint> Points,
    (double Low, double High)? CiA = null,
    (double Low, double High)? CiB = null)
{
    /// <summary>The exponent a of N_opt ∝ C^a.</summary>
    public double A => ParamsLaw.Exponent;

    /// <summary>The exponent b of D_opt ∝ C^b.</summary>
    public double B => TokensLaw.Exponent;

    /// <summary>The law whose minimum the allocation is (Approach 3), which also gives the loss at the optimum; null otherwise.</summary>
    public ChinchillaLaw? Law { get; init; }

    /// <summary>The predictions at the budgets the analysis was asked about (<see cref="AnalysisOptions.PredictAt"/>).</summary>
    public IReadOnlyList<AllocationPrediction> Predictions { get; init; } = [];

    /// <summary>The estimate on each bootstrap resample that could be fitted (empty when not bootstrapped).</summary>
    public IReadOnlyList<AllocationEstimate> Resamples { get; init; } = [];

    /// <summary>
    /// How far the optimal points lie from the fitted N_opt(C): the root mean square of ln N − ln N̂ over
    /// <see cref="Points"/>, or null without points (Approach 3's residuals are its fit's, in log loss).
    /// </summary>
    public double? ParamsResidualRmse => Points.Count == 0
        ? null
        : Math.Sqrt(Points.Average(p => Math.Pow(Math.Log(p.Params / ParamsLaw.At(p.Flops)), 2)));

    /// <summary>The 95% bootstrap interval of G_N, or null when not bootstrapped.</summary>
    public (double Low, double High)? CiParamsCoefficient => Interval(Resamples.Select(r => r.ParamsLaw.Coefficient));

    /// <summary>The 95% bootstrap interval of G_D, or null when not bootstrapped.</summary>
    public (double Low, double High)? CiTokensCoefficient => Interval(Resamples.Select(r => r.TokensLaw.Coefficient));

    /// <summary>
    /// The compute-optimal N and D at <paramref name="flops"/> by this approach's power laws, the loss there when the
    /// approach has a law, and 95% intervals from the same bootstrap resamples as the exponents' intervals.
    /// </summary>
    public AllocationPrediction PredictAt(double flops)
    {
        if (!(double.IsFinite(flops) && flops > 0))
            throw InputException.About($"{InputName.Of("predict_at")} must be positive FLOPs, got {flops}");
        double n = ParamsLaw.At(flops), d = TokensLaw.At(flops);
        double? loss = Law?.Loss(n, d);
        return new AllocationPrediction(flops, n, d, loss,
            Interval(Resamples.Select(r => r.ParamsLaw.At(flops))),
            Interval(Resamples.Select(r => r.TokensLaw.At(flops))),
            Law is null ? null : Interval(Resamples.Where(r => r.Law is not null).Select(r => r.Law!.Loss(r.ParamsLaw.At(flops), r.TokensLaw.At(flops)))));
    }

    /// <summary>The percentile interval of the finite values (the definition every loss-law interval uses), or null with fewer than two.</summary>
    private static (double Low, double High)? Interval(IEnumerable<double> values)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length < 2) return null;
        return (Percentiles.Interpolated(sorted, Percentiles.Lower95), Percentiles.Interpolated(sorted, Percentiles.Upper95));
    }
}
