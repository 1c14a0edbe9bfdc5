using ScaleSim.Laws;

namespace ScaleSim.Fitting;

/// <summary>
/// Hoffmann et al.'s (2022, Eq. 3) LSE form with the irreducible loss held at a known value E:
/// log L̂ = LSE(a − alpha·log N, b − beta·log D, log E), coordinates θ = (a, b, alpha, beta). For synthetic data whose
/// floor is known exactly, it asks how much of the fitted exponents the freedom of E accounts for.
/// </summary>
public sealed class ChinchillaFixedFloorModel : ILogLossModel
{
    private readonly double _logE;

    /// <summary>The model with E fixed at <paramref name="irreducibleLoss"/>.</summary>
    public ChinchillaFixedFloorModel(double irreducibleLoss)
    {
        if (!(irreducibleLoss > 0 && double.IsFinite(irreducibleLoss)))
            throw InputException.About($"{InputName.Of("entropy_floor")} must be a positive loss, got {irreducibleLoss}");
        IrreducibleLoss = irreducibleLoss;
        _logE = Math.Log(irreducibleLoss);
    }

    /// <summary>The fixed E.</summary>
    public double IrreducibleLoss { get; }

    /// <inheritdoc />
    public string LawKind => ChinchillaLaw.KindName;

    /// <inheritdoc />
    public IReadOnlyList<string> ParameterNames { get; } = ["a", "b", "alpha", "beta"];

    /// <summary>Hoffmann et al.'s grid without its e axis: a, b ∈ {0, 5, …, 25}, alpha, beta ∈ {0, 0.5, …, 2}: 900 starts.</summary>
    public static IReadOnlyList<double[]> Grid { get; } = StartGrid.Product(
        StartGrid.Range(0, 25, 5), StartGrid.Range(0, 25, 5), StartGrid.Range(0, 2, 0.5), StartGrid.Range(0, 2, 0.5));

    /// <inheritdoc />
    public void Validate(FitData data, string source) => new ChinchillaLseModel().Validate(data, source);

    /// <inheritdoc />
    public void Predict(ReadOnlySpan<double> theta, FitData data, Span<double> logLoss, Span<double> jacobian)
    {
        double a = theta[0], b = theta[1], alpha = theta[2], beta = theta[3], e = _logE;
        int n = logLoss.Length;
        for (int i = 0; i < n; i++)
        {
            // Hoffmann et al. 2022, Eq. 3 (LSE form), e fixed
            double t1 = a - alpha * data.LogParams[i], t2 = b - beta * data.LogTokens[i];
            double m = Math.Max(Math.Max(t1, t2), e);
            double e1 = Math.Exp(t1 - m), e2 = Math.Exp(t2 - m), e3 = Math.Exp(e - m);
            double sum = e1 + e2 + e3;
            logLoss[i] = m + Math.Log(sum);
            double w1 = e1 / sum, w2 = e2 / sum;
            jacobian[i] = w1;
            jacobian[n + i] = w2;
            jacobian[2 * n + i] = -w1 * data.LogParams[i];
            jacobian[3 * n + i] = -w2 * data.LogTokens[i];
        }
    }

    /// <inheritdoc />
    public ILossLaw ToLaw(ReadOnlySpan<double> theta) =>
        new ChinchillaLaw(E: IrreducibleLoss, A: Math.Exp(theta[0]), B: Math.Exp(theta[1]), Alpha: theta[2], Beta: theta[3]);

    /// <inheritdoc />
    public double[] FromLaw(ILossLaw law)
    {
        var c = law as ChinchillaLaw ?? throw new ArgumentException($"expected a chinchilla law, got {law.Kind}", nameof(law));
        return [Math.Log(c.A), Math.Log(c.B), c.Alpha, c.Beta];
    }

    /// <inheritdoc />
    public IReadOnlyList<double[]> DefaultStarts(FitData data) => Grid;
}
