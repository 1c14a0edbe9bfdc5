using MathNet.Numerics.Optimization;
using ScaleSim.Laws;

namespace ScaleSim.Planning;

/// <summary>
/// The N that minimises a law's L(N, C/(6N)) at fixed C: closed form for Chinchilla (Hoffmann et al. 2022, Eq. 4:
/// N_opt = G·(C/6)^a), a one-dimensional search in log N otherwise (L is convex in log N for the laws here).
/// </summary>
public sealed class LawMinimumRule(IJointLossLaw law) : IAllocationRule
{
    /// <summary>The law minimised.</summary>
    public IJointLossLaw Law { get; } = law;

    /// <inheritdoc />
    public string Name => "law-minimum";

    /// <inheritdoc />
    public string Description => Law is ChinchillaLaw
        ? "minimum of L(N, C/6N): N_opt = G·(C/6)^a (Hoffmann et al. 2022, Eq. 4)"
        : "minimum of L(N, C/6N), found numerically";

    /// <inheritdoc />
    public double OptimalParams(double flops)
    {
        if (Law is ChinchillaLaw c)
            // Hoffmann et al. 2022, Eq. 4
            return c.AllocationScale * Math.Pow(flops / 6.0, c.ParamsExponent);

        // Search log N between one token and one parameter; the loss along the budget is unimodal there.
        double logMax = Math.Log(flops / 6.0);
        var objective = ObjectiveFunction.ScalarValue(logN =>
        {
            double n = Math.Exp(logN);
            return Law.Loss(n, flops / (6.0 * n));
        });
        var result = GoldenSectionMinimizer.Minimum(objective, 0.0, logMax, xTolerance: 1e-10, maxIterations: 1000);
        return Math.Exp(result.MinimizingPoint);
    }
}
