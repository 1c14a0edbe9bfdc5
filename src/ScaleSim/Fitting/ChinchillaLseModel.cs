using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using ScaleSim.Laws;

namespace ScaleSim.Fitting;

/// <summary>
/// Hoffmann et al. (2022), Eq. 3 / Appendix D.2: log L̂ = LSE(a − alpha·log N, b − beta·log D, e),
/// with A = exp(a), B = exp(b), E = exp(e). Coordinates θ = (a, b, e, alpha, beta).
/// </summary>
public sealed class ChinchillaLseModel : ILogLossModel
{
    /// <inheritdoc />
    public string LawKind => ChinchillaLaw.KindName;

    /// <inheritdoc />
    public IReadOnlyList<string> ParameterNames { get; } = ["a", "b", "e", "alpha", "beta"];

    /// <summary>
    /// Hoffmann et al.'s grid, as Epoch AI replicated it: a, b ∈ {0, 5, …, 25}, e ∈ {−1, −0.5, …, 1},
    /// alpha, beta ∈ {0, 0.5, …, 2}: 6·6·5·5·5 = 4500 starts.
    /// </summary>
    public static IReadOnlyList<double[]> HoffmannGrid { get; } = StartGrid.Product(
        StartGrid.Range(0, 25, 5), StartGrid.Range(0, 25, 5), StartGrid.Range(-1, 1, 0.5),
        StartGrid.Range(0, 2, 0.5), StartGrid.Range(0, 2, 0.5));

    /// <inheritdoc />
    public void Validate(FitData data, string source)
    {
        if (data.LogParams.Length == 0) throw InputException.About($"{source}: the chinchilla law needs parameters N (map the column with {InputName.Of("params_column")})");
        if (data.LogTokens.Length == 0) throw InputException.About($"{source}: the chinchilla law needs tokens D (map the column with {InputName.Of("tokens_column")}, or give N and C)");
    }

    /// <inheritdoc />
    // Optimised from the first call: a whole-process fit (about a second) would otherwise spend its first few hundred
    // milliseconds in this loop's unoptimised tier-0 code, where the Vector512 operations are calls (experiments/bench-fit).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Predict(ReadOnlySpan<double> theta, FitData data, Span<double> logLoss, Span<double> jacobian)
    {
        double a = theta[0], b = theta[1], e = theta[2], alpha = theta[3], beta = theta[4];
        int n = logLoss.Length;
        var logN = data.LogParams.AsSpan();
        var logD = data.LogTokens.AsSpan();
        Span<double> wa = jacobian[..n], wb = jacobian.Slice(n, n), we = jacobian.Slice(2 * n, n);
        Span<double> dAlpha = jacobian.Slice(3 * n, n), dBeta = jacobian.Slice(4 * n, n);
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            // The grid fit evaluates this ~10^6 times; eight points per instruction keeps it under a few µs.
            var va = Vector512.Create(a); var vb = Vector512.Create(b); var ve = Vector512.Create(e);
            var vAlpha = Vector512.Create(alpha); var vBeta = Vector512.Create(beta);
            for (; i <= n - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                var ln = Vector512.Create(logN.Slice(i, 8));
                var ld = Vector512.Create(logD.Slice(i, 8));
                var t1 = va - vAlpha * ln;
                var t2 = vb - vBeta * ld;
                var m = Vector512.Max(Vector512.Max(t1, t2), ve);
                var e1 = Vector512.Exp(t1 - m);
                var e2 = Vector512.Exp(t2 - m);
                var e3 = Vector512.Exp(ve - m);
                var sum = e1 + e2 + e3;
                (m + Vector512.Log(sum)).CopyTo(logLoss.Slice(i, 8));
                var inv = Vector512<double>.One / sum;
                var w1 = e1 * inv; var w2 = e2 * inv;
                w1.CopyTo(wa.Slice(i, 8));
                w2.CopyTo(wb.Slice(i, 8));
                (e3 * inv).CopyTo(we.Slice(i, 8));
                (-w1 * ln).CopyTo(dAlpha.Slice(i, 8));
                (-w2 * ld).CopyTo(dBeta.Slice(i, 8));
            }
        }
        for (; i < n; i++)
        {
            double t1 = a - alpha * logN[i], t2 = b - beta * logD[i];
            double m = Math.Max(Math.Max(t1, t2), e);
            double e1 = Math.Exp(t1 - m), e2 = Math.Exp(t2 - m), e3 = Math.Exp(e - m);
            double sum = e1 + e2 + e3;
            logLoss[i] = m + Math.Log(sum);
            double w1 = e1 / sum, w2 = e2 / sum;
            wa[i] = w1;
            wb[i] = w2;
            we[i] = e3 / sum;
            dAlpha[i] = -w1 * logN[i];
            dBeta[i] = -w2 * logD[i];
        }
    }

    /// <inheritdoc />
    public ILossLaw ToLaw(ReadOnlySpan<double> theta) =>
        new ChinchillaLaw(E: Math.Exp(theta[2]), A: Math.Exp(theta[0]), B: Math.Exp(theta[1]), Alpha: theta[3], Beta: theta[4]);

    /// <inheritdoc />
    public double[] FromLaw(ILossLaw law)
    {
        var c = law as ChinchillaLaw ?? throw new ArgumentException($"expected a chinchilla law, got {law.Kind}", nameof(law));
        return [Math.Log(c.A), Math.Log(c.B), Math.Log(c.E), c.Alpha, c.Beta];
    }

    /// <inheritdoc />
    public IReadOnlyList<double[]> DefaultStarts(FitData data) => HoffmannGrid;
}
