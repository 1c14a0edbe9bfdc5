using ScaleSim.Laws;

namespace ScaleSim.Planning;

/// <summary>
/// Answers a planner's questions for a law: the compute-optimal split of a budget, the right data for a fixed model
/// size (and vice versa), the least compute that reaches a target loss, and IsoFLOP profiles. Compute is C = 6·N·D,
/// the convention the published laws were fitted under.
/// </summary>
public sealed class ComputePlanner
{
    private const double MinLogFlops = 0, MaxLogFlops = 140; // 1 to ~6e60 FLOPs

    /// <summary>A planner for <paramref name="law"/> that splits budgets by <paramref name="rule"/>.</summary>
    public ComputePlanner(IJointLossLaw law, IAllocationRule rule)
    {
        Law = law;
        Rule = rule;
    }

    /// <summary>The law that predicts loss.</summary>
    public IJointLossLaw Law { get; }

    /// <summary>The rule that splits a budget.</summary>
    public IAllocationRule Rule { get; }

    /// <summary>
    /// The planner a law implies: Kaplan's published law allocates along Kaplan's compute-efficient frontier, as
    /// Kaplan et al. recommend; every other law allocates at its own minimum. Non-joint laws are refused.
    /// </summary>
    public static ComputePlanner For(ILossLaw law)
    {
        if (law is FineGrainedMoeLaw or RoutedLaw)
            throw InputException.About($"law {law.Kind} is a mixture-of-experts law; plan with it through {InputName.Of("expansion_rate")} E [{InputName.Of("granularity")} G]");
        var joint = law as IJointLossLaw ?? throw new InputException(
            $"law {law.Kind} depends on one quantity only; planning needs a law of both N and D (chinchilla or kaplan-nd)");
        IAllocationRule rule = ReferenceEquals(law, PublishedLaws.Kaplan.Law) ? new KaplanFrontierRule() : new LawMinimumRule(joint);
        return new ComputePlanner(joint, rule);
    }

    /// <summary>The allocation at budget C with N chosen by <see cref="Rule"/>.</summary>
    public Allocation Optimal(double flops)
    {
        RequirePositive(flops, "flops");
        double n = Rule.OptimalParams(flops);
        // The law's parameters, not the caller's budget, are at fault here (e.g. a law file with extreme exponents).
        if (!double.IsFinite(n) || n <= 0)
            throw new InputException($"law {Law.Kind} ({string.Join(", ", Law.ParameterNames.Zip(Law.ParameterValues, (k, v) => $"{k} = {v:G4}"))}) gives no finite compute-optimal size at {flops:G3} FLOPs (N_opt = {n:G3})");
        return AtParams(flops, n);
    }

    /// <summary>The allocation at budget C for a model of fixed size N: D = C/(6N).</summary>
    public Allocation AtParams(double flops, double n)
    {
        RequirePositive(flops, "flops");
        RequirePositive(n, "params");
        double d = flops / (6.0 * n);
        return new Allocation(flops, n, d, Law.Loss(n, d));
    }

    /// <summary>The allocation at budget C for a fixed token count D: N = C/(6D).</summary>
    public Allocation AtTokens(double flops, double d)
    {
        RequirePositive(flops, "flops");
        RequirePositive(d, "tokens");
        return AtParams(flops, flops / (6.0 * d));
    }

    /// <summary>The budget, and so the token count, for which a model of N parameters is compute-optimal.</summary>
    public Allocation OptimalForParams(double n)
    {
        RequirePositive(n, "params");
        double flops = SolveLogFlops(c => Math.Log(Rule.OptimalParams(c)) - Math.Log(n), "params");
        return AtParams(flops, n);
    }

    /// <summary>The budget, and so the model size, for which training on D tokens is compute-optimal.</summary>
    public Allocation OptimalForTokens(double d)
    {
        RequirePositive(d, "tokens");
        double flops = SolveLogFlops(c => Math.Log(c / (6.0 * Rule.OptimalParams(c))) - Math.Log(d), "tokens");
        return AtTokens(flops, d);
    }

    /// <summary>The least compute whose optimal allocation reaches <paramref name="targetLoss"/>.</summary>
    public Allocation ForTargetLoss(double targetLoss)
    {
        RequirePositive(targetLoss, "target_loss");
        if (targetLoss <= Law.IrreducibleLoss)
            throw InputException.About($"{InputName.Of("target_loss")} {targetLoss:G4} is at or below the law's irreducible loss E = {Law.IrreducibleLoss:G4}; no budget reaches it");
        // Loss at the optimum falls with compute, so the sign of (L_opt(C) − target) flips once.
        double flops = SolveLogFlops(c => targetLoss - Optimal(c).Loss, "target_loss");
        return Optimal(flops);
    }

    /// <summary>
    /// Loss against N at budget C, for N from <paramref name="smallFactor"/>× to <paramref name="largeFactor"/>× the
    /// optimum, evenly spaced in log N.
    /// </summary>
    public IsoFlopProfile Profile(double flops, double smallFactor = 0.1, double largeFactor = 10, int points = 41)
    {
        var optimal = Optimal(flops);
        double lo = Math.Log(optimal.Params * smallFactor), hi = Math.Log(optimal.Params * largeFactor);
        var allocations = Enumerable.Range(0, points)
            .Select(i => AtParams(flops, Math.Exp(lo + (hi - lo) * i / (points - 1))))
            .ToList();
        return new IsoFlopProfile(flops, allocations, optimal);
    }

    /// <summary>Finds log C where an increasing function of C crosses zero, by bisection over 1 to ~1e60 FLOPs.</summary>
    private static double SolveLogFlops(Func<double, double> increasing, string parameter)
    {
        double lo = MinLogFlops, hi = MaxLogFlops;
        if (increasing(Math.Exp(lo)) > 0 || increasing(Math.Exp(hi)) < 0)
            throw InputException.About($"{InputName.Of(parameter)}: no budget between 1 and 1e60 FLOPs satisfies it");
        for (int i = 0; i < 200 && hi - lo > 1e-12; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (increasing(Math.Exp(mid)) < 0) lo = mid; else hi = mid;
        }
        return Math.Exp(0.5 * (lo + hi));
    }

    private static void RequirePositive(double value, string parameter)
    {
        if (!double.IsFinite(value) || value <= 0) throw InputException.About($"{InputName.Of(parameter)} must be a positive finite number, got {value}");
    }
}
