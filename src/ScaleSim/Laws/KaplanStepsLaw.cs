namespace ScaleSim.Laws;

/// <summary>
/// Kaplan et al. (2020), Eq. 1.6 / 5.6: the learning curve of a model of N non-embedding parameters after S steps at a
/// batch of B tokens, L(N, S) = (N_c/N)^α_N + (S_c/S_min)^α_S, where S_min = S/(1 + B_crit(L)/B) (Eq. 5.4) counts the
/// steps it would have taken at a batch far above the critical one, B_crit(L) = B*/L^(1/α_B) (Eq. 5.3). B* and α_B are
/// constants here (Kaplan et al. measured them separately, Table 5), not fitted; an irreducible term E may be added.
/// Because B_crit depends on the loss itself, the loss at a point is the root of L = g(L), found by bisection.
/// </summary>
/// <param name="AlphaN">α_N.</param>
/// <param name="Nc">N_c.</param>
/// <param name="AlphaS">α_S.</param>
/// <param name="Sc">S_c.</param>
/// <param name="CriticalBatch">B*, in tokens.</param>
/// <param name="AlphaB">α_B.</param>
/// <param name="E">The irreducible loss, or null for Kaplan's form without it.</param>
public sealed record KaplanStepsLaw(double AlphaN, double Nc, double AlphaS, double Sc, double CriticalBatch = KaplanStepsLaw.KaplanCriticalBatch,
    double AlphaB = KaplanStepsLaw.KaplanAlphaB, double? E = null) : ILossLaw
{
    /// <summary>The JSON kind name.</summary>
    public const string KindName = "kaplan-ns";

    /// <summary>B* = 2.1e8 tokens (Kaplan et al. 2020, Table 5).</summary>
    public const double KaplanCriticalBatch = 2.1e8;

    /// <summary>α_B = 0.21 (Kaplan et al. 2020, Table 5).</summary>
    public const double KaplanAlphaB = 0.21;

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    public IReadOnlyList<string> ParameterNames => E.HasValue ? ["alpha_N", "N_c", "alpha_S", "S_c", "E"] : ["alpha_N", "N_c", "alpha_S", "S_c"];

    /// <inheritdoc />
    public IReadOnlyList<double> ParameterValues => E.HasValue ? [AlphaN, Nc, AlphaS, Sc, E.Value] : [AlphaN, Nc, AlphaS, Sc];

    /// <inheritdoc />
    public IReadOnlyList<KeyValuePair<string, double>> Constants => [new("B_star", CriticalBatch), new("alpha_B", AlphaB)];

    /// <summary>B_crit(L) = B*/L^(1/α_B) (Kaplan et al. 2020, Eq. 5.3).</summary>
    public double CriticalBatchAt(double loss) => CriticalBatch / Math.Pow(loss, 1 / AlphaB);

    /// <summary>S_min = S/(1 + B_crit(L)/B) (Kaplan et al. 2020, Eq. 5.4).</summary>
    public double MinimumSteps(double steps, double batchTokens, double loss) => steps / (1 + CriticalBatchAt(loss) / batchTokens);

    /// <summary>The right-hand side of L = (N_c/N)^α_N + (S_c/S_min(L))^α_S (+ E), at a trial loss.</summary>
    public double RightHandSide(double n, double steps, double batchTokens, double loss) =>
        // Kaplan et al. 2020, Eq. 1.6 with S_min from Eq. 5.4
        (E ?? 0) + Math.Pow(Nc / n, AlphaN) + Math.Pow(Sc / MinimumSteps(steps, batchTokens, loss), AlphaS);

    /// <summary>The loss after <paramref name="steps"/> steps of <paramref name="batchTokens"/> tokens at size <paramref name="n"/>.</summary>
    public double Loss(double n, double steps, double batchTokens)
    {
        // The right-hand side falls as L grows (a larger loss has a smaller critical batch, so more effective steps), so
        // the root lies between its value at L → ∞ and its value there.
        double low = (E ?? 0) + Math.Pow(Nc / n, AlphaN) + Math.Pow(Sc / steps, AlphaS);
        double high = RightHandSide(n, steps, batchTokens, low);
        for (int i = 0; i < 200 && high - low > 1e-14 * high; i++)
        {
            double mid = 0.5 * (low + high);
            if (mid - RightHandSide(n, steps, batchTokens, mid) < 0) low = mid;
            else high = mid;
        }
        return 0.5 * (low + high);
    }

    /// <inheritdoc />
    public double Loss(ScalePoint x)
    {
        var (steps, batch) = StepsAndBatch(x);
        return Loss(x.Params, steps, batch);
    }

    /// <inheritdoc />
    public void Gradient(ScalePoint x, Span<double> gradient)
    {
        var (steps, batch) = StepsAndBatch(x);
        double n = x.Params, loss = Loss(n, steps, batch);
        double u = Math.Pow(Nc / n, AlphaN);
        double sMin = MinimumSteps(steps, batch, loss);
        double v = Math.Pow(Sc / sMin, AlphaS);
        double ratio = CriticalBatchAt(loss) / batch;
        // L = g(L, θ): dL/dθ = ∂g/∂θ / (1 − ∂g/∂L), with ∂ln S_min/∂L = (1/α_B)·(B_crit/B)/(1 + B_crit/B)/L.
        double dgdL = -v * AlphaS * (ratio / (1 + ratio)) / (AlphaB * loss);
        double scale = 1 / (1 - dgdL);
        gradient[0] = u * Math.Log(Nc / n) * scale;
        gradient[1] = AlphaN * u / Nc * scale;
        gradient[2] = v * Math.Log(Sc / sMin) * scale;
        gradient[3] = AlphaS * v / Sc * scale;
        if (E.HasValue) gradient[4] = scale;
    }

    /// <summary>S and B of a point: given, or one of them from the tokens seen, D = S·B.</summary>
    private static (double Steps, double Batch) StepsAndBatch(ScalePoint x) => (x.Steps, x.BatchTokens) switch
    {
        ({ } s, { } b) => (s, b),
        ({ } s, null) => (s, x.Tokens / s),
        (null, { } b) => (x.Tokens / b, b),
        _ => throw InputException.About($"law {KindName} needs the steps or the batch of a point (D = S·B); a point gave N = {x.Params:G4} and D = {x.Tokens:G4} only"),
    };
}
