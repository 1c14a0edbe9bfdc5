using ScaleSim.Laws;

namespace ScaleSim.Fitting;

/// <summary>
/// Kaplan et al.'s (2020, Eq. 1.6) learning-curve law in log space: log L̂ = LSE(α_N·(log N_c − log N), α_S·(log S_c −
/// log S_min)), optionally inside LSE(·, e) for an irreducible term; coordinates θ = (α_N, log N_c, α_S, log S_c[, e]).
/// S_min = S/(1 + B_crit(L)/B) (Eq. 5.4) is computed with each point's observed loss, so the fit stays explicit (a
/// point's own loss fixes its critical batch, B_crit = B*/L^(1/α_B), Eq. 5.3); the fitted law then solves the implicit
/// equation when it predicts. B* and α_B are constants of the model, Kaplan et al.'s by default.
/// </summary>
public sealed class KaplanStepsModel(bool withIrreducible = false, double criticalBatch = KaplanStepsLaw.KaplanCriticalBatch,
    double alphaB = KaplanStepsLaw.KaplanAlphaB) : ILogLossModel
{
    /// <summary>Whether an irreducible term E is fitted.</summary>
    public bool WithIrreducible { get; } = withIrreducible;

    /// <summary>B*, in tokens.</summary>
    public double CriticalBatch { get; } = criticalBatch > 0 && double.IsFinite(criticalBatch)
        ? criticalBatch
        : throw InputException.About($"{InputName.Of("critical_batch")} must be a positive number of tokens, got {criticalBatch}");

    /// <summary>α_B.</summary>
    public double AlphaB { get; } = alphaB > 0 && double.IsFinite(alphaB)
        ? alphaB
        : throw InputException.About($"{InputName.Of("alpha_b")} must be positive, got {alphaB}");

    /// <inheritdoc />
    public string LawKind => KaplanStepsLaw.KindName;

    /// <inheritdoc />
    public IReadOnlyList<string> ParameterNames => WithIrreducible
        ? ["alpha_N", "log_N_c", "alpha_S", "log_S_c", "e"]
        : ["alpha_N", "log_N_c", "alpha_S", "log_S_c"];

    /// <inheritdoc />
    public void Validate(FitData data, string source)
    {
        if (data.LogParams.Length == 0) throw InputException.About($"{source}: law {LawKind} needs parameters N (map the column with {InputName.Of("params_column")})");
        if (data.Steps.Length == 0 || data.BatchTokens.Length == 0)
            throw new InputException($"{source}: law {LawKind} needs each point's optimizer step and batch: a step column and tokens D, or a batch_tokens column (tokens per step)");
    }

    /// <summary>log S_min of each observation, from its steps, batch and observed loss (Kaplan et al. 2020, Eqs. 5.3–5.4).</summary>
    private double LogMinimumSteps(FitData data, int i) =>
        Math.Log(data.Steps[i]) - Math.Log(1 + CriticalBatch * Math.Exp(-data.LogLoss[i] / AlphaB) / data.BatchTokens[i]);

    /// <inheritdoc />
    public void Predict(ReadOnlySpan<double> theta, FitData data, Span<double> logLoss, Span<double> jacobian)
    {
        double alphaN = theta[0], logNc = theta[1], alphaS = theta[2], logSc = theta[3];
        int n = logLoss.Length;
        for (int i = 0; i < n; i++)
        {
            double gapN = logNc - data.LogParams[i], gapS = logSc - LogMinimumSteps(data, i);
            double u1 = alphaN * gapN, u2 = alphaS * gapS;
            double m = Math.Max(u1, u2);
            double e1 = Math.Exp(u1 - m), e2 = Math.Exp(u2 - m), sum = e1 + e2;
            double w1 = e1 / sum, w2 = e2 / sum;
            logLoss[i] = m + Math.Log(sum);
            jacobian[i] = w1 * gapN;
            jacobian[n + i] = w1 * alphaN;
            jacobian[2 * n + i] = w2 * gapS;
            jacobian[3 * n + i] = w2 * alphaS;
        }
        if (WithIrreducible) IrreducibleTerm.Add(logLoss, theta[4], jacobian, ParameterNames.Count);
    }

    /// <inheritdoc />
    public ILossLaw ToLaw(ReadOnlySpan<double> theta) =>
        new KaplanStepsLaw(theta[0], Math.Exp(theta[1]), theta[2], Math.Exp(theta[3]), CriticalBatch, AlphaB, WithIrreducible ? Math.Exp(theta[4]) : null);

    /// <inheritdoc />
    public double[] FromLaw(ILossLaw law)
    {
        var k = law as KaplanStepsLaw ?? throw new ArgumentException($"expected a {LawKind} law, got {law.Kind}", nameof(law));
        double[] theta = [k.AlphaN, Math.Log(k.Nc), k.AlphaS, Math.Log(k.Sc)];
        return WithIrreducible ? [.. theta, Math.Log(k.E ?? 1e-3)] : theta;
    }

    /// <inheritdoc />
    public IReadOnlyList<double[]> DefaultStarts(FitData data)
    {
        // Each trial pair of exponents places N_c and S_c so that the two terms share the median loss in a trial ratio.
        double medianLogN = Median(data.LogParams);
        double medianLogS = Median(Enumerable.Range(0, data.Count).Select(i => LogMinimumSteps(data, i)).ToArray());
        double medianLoss = Math.Exp(Median(data.LogLoss)), minLoss = data.LogLoss.Min(v => Math.Exp(v));
        var floors = WithIrreducible ? IrreducibleTerm.StartFractions.Select(f => f * minLoss).ToArray() : [0.0];
        var starts = new List<double[]>();
        foreach (double floor in floors)
            foreach (double alphaN in new[] { 0.05, 0.1, 0.3, 0.6 })
                foreach (double alphaS in new[] { 0.2, 0.5, 0.8, 1.2 })
                    foreach (double share in new[] { 0.3, 0.6, 0.9 })
                    {
                        double excess = Math.Max(medianLoss - floor, 1e-3 * medianLoss);
                        double[] start = [alphaN, medianLogN + Math.Log(share * excess) / alphaN, alphaS, medianLogS + Math.Log((1 - share) * excess) / alphaS];
                        starts.Add(WithIrreducible ? [.. start, Math.Log(floor)] : start);
                    }
        return starts;
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }
}
