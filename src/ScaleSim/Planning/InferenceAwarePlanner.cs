using ScaleSim.Laws;

namespace ScaleSim.Planning;

/// <summary>
/// Sardana et al. (2024), "Beyond Chinchilla-Optimal: Accounting for Inference in Language Model Scaling Laws":
/// choose N and D_train to minimise training plus inference compute, 6·N·D_train + 2·N·D_inference, for a target loss;
/// or to minimise loss for a total budget. There is no closed form; both reduce to one dimension in log N (for a target
/// loss, D_train(N) follows from inverting the law, in closed form for Chinchilla) and are solved by
/// <see cref="UnimodalSearch"/>.
/// </summary>
public sealed class InferenceAwarePlanner(IJointLossLaw law)
{
    /// <summary>How far above the smallest model able to reach the target the search goes, in log N (about 1e13×).</summary>
    private const double SearchWidth = 30;

    /// <summary>The law planned with.</summary>
    public IJointLossLaw Law { get; } = law;

    /// <summary>The cheapest model over its lifetime that reaches <paramref name="targetLoss"/>, and the compute-optimal one.</summary>
    public InferenceAwarePlan ForTargetLoss(double targetLoss, double inferenceTokens)
    {
        RequirePositive(targetLoss, "target_loss");
        RequireNonNegative(inferenceTokens);
        double minimum = LossInversion.MinimumParamsForLoss(Law, targetLoss);
        if (!double.IsFinite(minimum))
            throw InputException.About($"{InputName.Of("target_loss")} {targetLoss:G4} is at or below the law's irreducible loss E = {Law.IrreducibleLoss:G4}; no model reaches it");
        return new InferenceAwarePlan(Cheapest(targetLoss, inferenceTokens, minimum), Cheapest(targetLoss, 0, minimum) with { InferenceTokens = inferenceTokens });
    }

    /// <summary>
    /// The lowest loss whose training plus inference fits in <paramref name="totalFlops"/>, and the compute-optimal model
    /// that reaches the same loss (whose lifetime cost may exceed the budget).
    /// </summary>
    public InferenceAwarePlan ForTotalBudget(double totalFlops, double inferenceTokens)
    {
        RequirePositive(totalFlops, "flops");
        RequireNonNegative(inferenceTokens);
        // N must leave room for training: 2·N·D_inference < C.
        double logMax = inferenceTokens > 0 ? Math.Log(totalFlops / (2.0 * inferenceTokens)) : Math.Log(totalFlops / 6.0);
        double logN = UnimodalSearch.Minimize(l => LossAtBudget(totalFlops, Math.Exp(l), inferenceTokens), 0, logMax);
        double n = Math.Exp(logN);
        double tokens = TrainingTokens(totalFlops, n, inferenceTokens);
        if (!(tokens > 0) || double.IsNaN(logN))
            throw InputException.About($"{InputName.Of("flops")} {totalFlops:G4} does not cover {inferenceTokens:G4} inference tokens for any model of at least one parameter");
        var best = new LifetimeCost(n, tokens, inferenceTokens, Law.Loss(n, tokens));
        double minimum = LossInversion.MinimumParamsForLoss(Law, best.Loss);
        return new InferenceAwarePlan(best, Cheapest(best.Loss, 0, minimum) with { InferenceTokens = inferenceTokens });
    }

    /// <summary>Lifetime cost against model size at a target loss, for N from just above the smallest feasible size.</summary>
    public IReadOnlyList<LifetimeCost> CostCurve(double targetLoss, double inferenceTokens, double nMin, double nMax, int points = 121)
    {
        var curve = new List<LifetimeCost>();
        for (int i = 0; i < points; i++)
        {
            double n = nMin * Math.Pow(nMax / nMin, i / (points - 1.0));
            double d = LossInversion.TokensForLoss(Law, n, targetLoss);
            if (double.IsFinite(d)) curve.Add(new LifetimeCost(n, d, inferenceTokens, targetLoss));
        }
        return curve;
    }

    /// <summary>Minimises 6·N·D(N) + 2·N·D_inference over log N, D(N) the data at which N reaches the target.</summary>
    private LifetimeCost Cheapest(double targetLoss, double inferenceTokens, double minimumParams)
    {
        double lo = Math.Log(minimumParams) + 1e-9;
        double logN = UnimodalSearch.Minimize(l =>
        {
            double n = Math.Exp(l), d = LossInversion.TokensForLoss(Law, n, targetLoss);
            return double.IsFinite(d) ? Math.Log(6.0 * n * d + 2.0 * n * inferenceTokens) : double.PositiveInfinity;
        }, lo, lo + SearchWidth, gridPoints: 601);
        double best = Math.Exp(logN);
        return new LifetimeCost(best, LossInversion.TokensForLoss(Law, best, targetLoss), inferenceTokens, targetLoss);
    }

    private static double TrainingTokens(double totalFlops, double n, double inferenceTokens) =>
        (totalFlops - 2.0 * n * inferenceTokens) / (6.0 * n);

    private double LossAtBudget(double totalFlops, double n, double inferenceTokens)
    {
        double d = TrainingTokens(totalFlops, n, inferenceTokens);
        return d > 0 ? Law.Loss(n, d) : double.PositiveInfinity;
    }

    private static void RequirePositive(double value, string parameter)
    {
        if (!double.IsFinite(value) || value <= 0) throw InputException.About($"{InputName.Of(parameter)} must be a positive finite number, got {value}");
    }

    private static void RequireNonNegative(double value)
    {
        if (!double.IsFinite(value) || value < 0) throw InputException.About($"{InputName.Of("inference_tokens")} must be a non-negative finite number, got {value}");
    }
}
