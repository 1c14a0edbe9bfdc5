using ScaleSim.Laws;

namespace ScaleSim.Fitting;

/// <summary>
/// Kaplan et al. (2020), Eqs. 1.1–1.3 in log space: log L̂ = alpha·(log X_c − log X), or, with an irreducible term,
/// LSE(alpha·(log X_c − log X), e). Coordinates θ = (alpha, log X_c[, e]).
/// </summary>
public sealed class KaplanPowerModel(ScaleVariable variable, bool withIrreducible = false) : ILogLossModel
{
    /// <summary>The variable X.</summary>
    public ScaleVariable Variable { get; } = variable;

    /// <summary>Whether an irreducible term E is fitted.</summary>
    public bool WithIrreducible { get; } = withIrreducible;

    /// <inheritdoc />
    public string LawKind => KaplanPowerLaw.KindFor(Variable);

    /// <inheritdoc />
    public IReadOnlyList<string> ParameterNames => WithIrreducible
        ? ["alpha", "log_scale", "e"]
        : ["alpha", "log_scale"];

    private double[] Values(FitData data) => Variable switch
    {
        ScaleVariable.Params => data.LogParams,
        ScaleVariable.Tokens => data.LogTokens,
        _ => data.LogFlops,
    };

    /// <inheritdoc />
    public void Validate(FitData data, string source)
    {
        if (Values(data).Length == 0)
        {
            throw Variable switch
            {
                ScaleVariable.Params => InputException.About($"{source}: law {LawKind} needs parameters N (map the column with {InputName.Of("params_column")})"),
                ScaleVariable.Tokens => InputException.About($"{source}: law {LawKind} needs tokens D (map the column with {InputName.Of("tokens_column")})"),
                _ => InputException.About($"{source}: law {LawKind} needs compute C (map the column with {InputName.Of("flops_column")}, or give N and D)"),
            };
        }
    }

    /// <inheritdoc />
    public void Predict(ReadOnlySpan<double> theta, FitData data, Span<double> logLoss, Span<double> jacobian)
    {
        double alpha = theta[0], logScale = theta[1];
        var x = Values(data);
        int n = logLoss.Length;
        for (int i = 0; i < n; i++)
        {
            double gap = logScale - x[i];
            jacobian[i] = gap;
            jacobian[n + i] = alpha;
            logLoss[i] = alpha * gap;
        }
        if (WithIrreducible) IrreducibleTerm.Add(logLoss, theta[2], jacobian, ParameterNames.Count);
    }

    /// <inheritdoc />
    public ILossLaw ToLaw(ReadOnlySpan<double> theta) =>
        new KaplanPowerLaw(Variable, Math.Exp(theta[1]), theta[0], WithIrreducible ? Math.Exp(theta[2]) : null);

    /// <inheritdoc />
    public double[] FromLaw(ILossLaw law)
    {
        var k = law as KaplanPowerLaw ?? throw new ArgumentException($"expected a {LawKind} law, got {law.Kind}", nameof(law));
        return WithIrreducible ? [k.Exponent, Math.Log(k.Scale), Math.Log(k.E ?? 1e-3)] : [k.Exponent, Math.Log(k.Scale)];
    }

    /// <inheritdoc />
    public IReadOnlyList<double[]> DefaultStarts(FitData data)
    {
        // Place X_c so that the law passes through the median observation for each trial exponent.
        double medianX = Median(Values(data)), medianLoss = Median(data.LogLoss.Select(v => Math.Exp(v)).ToArray());
        double minLoss = data.LogLoss.Min(v => Math.Exp(v));
        var starts = new List<double[]>();
        foreach (double alpha in new[] { 0.02, 0.05, 0.1, 0.2, 0.4, 0.8 })
        {
            if (!WithIrreducible)
            {
                starts.Add([alpha, Math.Log(medianX) + Math.Log(medianLoss) / alpha]);
                continue;
            }
            foreach (double fraction in IrreducibleTerm.StartFractions)
            {
                double floor = fraction * minLoss, excess = Math.Max(medianLoss - floor, 1e-3 * medianLoss);
                starts.Add([alpha, Math.Log(medianX) + Math.Log(excess) / alpha, Math.Log(floor)]);
            }
        }
        return starts;
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 1 : sorted[sorted.Length / 2];
    }
}
