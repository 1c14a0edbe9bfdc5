using ScaleSim.Laws;

namespace ScaleSim.Fitting;

/// <summary>
/// Kaplan et al. (2020), Eq. 1.5 in log space: log L̂ = alpha_D·LSE((alpha_N/alpha_D)·(log N_c − log N), log D_c − log D),
/// optionally inside LSE(·, e) for an irreducible term. Coordinates θ = (alpha_N, alpha_D, log N_c, log D_c[, e]).
/// </summary>
public sealed class KaplanJointModel(bool withIrreducible = false) : ILogLossModel
{
    /// <summary>Whether an irreducible term E is fitted.</summary>
    public bool WithIrreducible { get; } = withIrreducible;

    /// <inheritdoc />
    public string LawKind => KaplanJointLaw.KindName;

    /// <inheritdoc />
    public IReadOnlyList<string> ParameterNames => WithIrreducible
        ? ["alpha_N", "alpha_D", "log_N_c", "log_D_c", "e"]
        : ["alpha_N", "alpha_D", "log_N_c", "log_D_c"];

    /// <inheritdoc />
    public void Validate(FitData data, string source)
    {
        if (data.LogParams.Length == 0) throw InputException.About($"{source}: law kaplan-nd needs parameters N (map the column with {InputName.Of("params_column")})");
        if (data.LogTokens.Length == 0) throw InputException.About($"{source}: law kaplan-nd needs tokens D (map the column with {InputName.Of("tokens_column")}, or give N and C)");
    }

    /// <inheritdoc />
    public void Predict(ReadOnlySpan<double> theta, FitData data, Span<double> logLoss, Span<double> jacobian)
    {
        double alphaN = theta[0], alphaD = theta[1], logNc = theta[2], logDc = theta[3];
        double ratio = alphaN / alphaD;
        int n = logLoss.Length;
        for (int i = 0; i < n; i++)
        {
            double gapN = logNc - data.LogParams[i];
            double u1 = ratio * gapN, u2 = logDc - data.LogTokens[i];
            double m = Math.Max(u1, u2);
            double e1 = Math.Exp(u1 - m), e2 = Math.Exp(u2 - m);
            double sum = e1 + e2;
            double inner = m + Math.Log(sum);
            double v1 = e1 / sum, v2 = e2 / sum;
            jacobian[i] = v1 * gapN;
            jacobian[n + i] = inner - v1 * ratio * gapN;
            jacobian[2 * n + i] = v1 * alphaN;
            jacobian[3 * n + i] = alphaD * v2;
            logLoss[i] = alphaD * inner;
        }
        if (WithIrreducible) IrreducibleTerm.Add(logLoss, theta[4], jacobian, ParameterNames.Count);
    }

    /// <inheritdoc />
    public ILossLaw ToLaw(ReadOnlySpan<double> theta) =>
        new KaplanJointLaw(theta[0], theta[1], Math.Exp(theta[2]), Math.Exp(theta[3]), WithIrreducible ? Math.Exp(theta[4]) : null);

    /// <inheritdoc />
    public double[] FromLaw(ILossLaw law)
    {
        var k = law as KaplanJointLaw ?? throw new ArgumentException($"expected a kaplan-nd law, got {law.Kind}", nameof(law));
        double[] core = [k.AlphaN, k.AlphaD, Math.Log(k.Nc), Math.Log(k.Dc)];
        return WithIrreducible ? [.. core, Math.Log(k.E ?? 1e-3)] : core;
    }

    /// <inheritdoc />
    public IReadOnlyList<double[]> DefaultStarts(FitData data)
    {
        double medianLogN = data.LogParams.Order().ElementAt(data.Count / 2);
        double medianLogD = data.LogTokens.Order().ElementAt(data.Count / 2);
        double medianLoss = Math.Exp(data.LogLoss.Order().ElementAt(data.Count / 2));
        double minLoss = data.LogLoss.Min(v => Math.Exp(v));
        double[] exponents = [0.05, 0.1, 0.2, 0.4];
        double[] fractions = WithIrreducible ? IrreducibleTerm.StartFractions : [0.0];
        var starts = new List<double[]>();
        foreach (double alphaN in exponents)
        foreach (double alphaD in exponents)
        foreach (double fraction in fractions)
        {
            double floor = fraction * minLoss;
            double excess = Math.Max(medianLoss - floor, 1e-3 * medianLoss);
            // Each of the two terms alone would give the median excess loss at the median point.
            double logNc = medianLogN + Math.Log(excess) / alphaN;
            double logDc = medianLogD + Math.Log(excess) / alphaD;
            double[] start = [alphaN, alphaD, logNc, logDc];
            starts.Add(WithIrreducible ? [.. start, Math.Log(floor)] : start);
        }
        return starts;
    }
}
