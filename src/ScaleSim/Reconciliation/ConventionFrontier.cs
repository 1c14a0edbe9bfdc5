using ScaleSim.Flops;
using ScaleSim.Laws;
using ScaleSim.Planning;

namespace ScaleSim.Reconciliation;

/// <summary>
/// The compute-optimal model size of a Chinchilla law (in total parameters N_T) as it looks under either parameter
/// convention. With total parameters and C_T = 6·N_T·D it is Hoffmann et al.'s closed form; counting only non-embedding
/// parameters N_\E and C_\E = 6·N_\E·D, as Kaplan et al. did, it is the minimum of L(N_T(N_\E), C_\E/(6·N_\E)) over
/// N_\E (Pearce &amp; Song 2024), with N_T(N_\E) from a <see cref="FixedAspectFamily"/>.
/// </summary>
public sealed class ConventionFrontier(ChinchillaLaw law, FixedAspectFamily family)
{
    /// <summary>The law, in total parameters.</summary>
    public ChinchillaLaw Law { get; } = law;

    /// <summary>The shapes that map non-embedding to total parameters.</summary>
    public FixedAspectFamily Family { get; } = family;

    /// <summary>The compute-optimal N at budget C, both in <paramref name="convention"/>.</summary>
    public double OptimalParams(double flops, ParameterConvention convention)
    {
        if (convention == ParameterConvention.Total)
            // Hoffmann et al. 2022, Eq. 4
            return Law.AllocationScale * Math.Pow(flops / 6.0, Law.ParamsExponent);
        double logN = UnimodalSearch.Minimize(l =>
        {
            double n = Math.Exp(l);
            return Law.Loss(Family.TotalFromNonEmbedding(n), flops / (6.0 * n));
        }, 0, Math.Log(flops / 6.0), gridPoints: 401);
        return Math.Exp(logN);
    }

    /// <summary>
    /// Pearce &amp; Song (2024), the analytic frontier of their analysis script: the non-embedding budget at which N_\E is compute-optimal,
    /// C_\E = 6·N·(N + ω/3·N^(1/3))^(−1/beta)·(N + ω·N^(1/3))^((1+alpha)/beta)·(beta·B/(alpha·A))^(1/beta).
    /// </summary>
    public double NonEmbeddingFlopsAtOptimum(double nonEmbedding)
    {
        double n = nonEmbedding, cube = Math.Cbrt(n), w = Family.Omega;
        return 6 * n * Math.Pow(n + w / 3 * cube, -1 / Law.Beta) * Math.Pow(n + w * cube, (1 + Law.Alpha) / Law.Beta)
            * Math.Pow(Law.Beta * Law.B / (Law.Alpha * Law.A), 1 / Law.Beta);
    }

    /// <summary>
    /// The local exponent d log N_\E*/d log C_\E at N_\E (Pearce &amp; Song 2024): 1/g with
    /// g = 1 − (1/beta)·(x + ω/9)/(x + ω/3) + ((1+alpha)/beta)·(x + ω/3)/(x + ω), x = N_\E^(2/3). It runs from
    /// beta/(alpha/3 + beta) for small models to beta/(alpha + beta), Chinchilla's a, for large ones.
    /// </summary>
    public double LocalExponent(double nonEmbedding)
    {
        double x = Math.Pow(nonEmbedding, 2.0 / 3), w = Family.Omega;
        double g = 1 - (x + w / 9) / (x + w / 3) / Law.Beta + (1 + Law.Alpha) / Law.Beta * (x + w / 3) / (x + w);
        return 1 / g;
    }

    /// <summary>
    /// The largest local exponent and the N_\E where it occurs: between the two limits the exponent rises above the
    /// small-model one, at the sizes where the embeddings' share of the parameters falls fastest.
    /// </summary>
    public (double NonEmbedding, double Exponent) PeakLocalExponent()
    {
        double logN = UnimodalSearch.Minimize(l => -LocalExponent(Math.Exp(l)), 0, Math.Log(1e15));
        return (Math.Exp(logN), LocalExponent(Math.Exp(logN)));
    }

    /// <summary>The frontier at <paramref name="points"/> budgets evenly spaced in log C between the bounds.</summary>
    public IReadOnlyList<FrontierPoint> Frontier(ParameterConvention convention, double low, double high, int points = 60) =>
        Enumerable.Range(0, points)
            .Select(i => low * Math.Pow(high / low, i / (points - 1.0)))
            .Select(c => new FrontierPoint(c, OptimalParams(c, convention)))
            .ToList();

    /// <summary>The least-squares slope of log N* on log C over the frontier between the bounds: the exponent a study would fit.</summary>
    public double FittedExponent(ParameterConvention convention, double low, double high, int points = 100)
    {
        var frontier = Frontier(convention, low, high, points);
        double[] x = frontier.Select(p => Math.Log(p.Flops)).ToArray(), y = frontier.Select(p => Math.Log(p.Params)).ToArray();
        double mx = x.Average(), my = y.Average();
        return x.Zip(y, (xi, yi) => (xi - mx) * (yi - my)).Sum() / x.Sum(xi => (xi - mx) * (xi - mx));
    }
}
