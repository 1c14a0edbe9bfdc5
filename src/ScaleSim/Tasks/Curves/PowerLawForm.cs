namespace ScaleSim.Tasks.Curves;

/// <summary>
/// A power law with an offset, the usual law of a loss against scale: y = E + A·s^(−alpha) (Kaplan et al. 2020; Hoffmann
/// et al. 2022's terms one at a time). E is the level the curve tends to, alpha &gt; 0 a falling curve and alpha &lt; 0
/// a rising one; A &lt; 0 turns either over (a curve rising or falling towards E from the other side).
/// </summary>
/// <remarks>
/// Fitted about s₀ = 10^origin as y = E + Â·e^(−alpha·L), L = ln(s/s₀), θ = (E, Â, alpha); the reported A = Â·s₀^alpha
/// is the coefficient of the equation in raw scale. It is BNSL without a break (Caballero et al. 2022, Eq. 1 with n = 0).
/// </remarks>
public sealed class PowerLawForm : ICurveForm
{
    private static readonly double Ln10 = Math.Log(10);

    // Exponents the starts are made from: falling and rising, from nearly flat to steep.
    private static readonly double[] StartExponents = [-1, -0.5, -0.25, -0.1, -0.03, 0.03, 0.07, 0.1, 0.15, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2];

    /// <inheritdoc />
    public string Name => "powerlaw";

    /// <inheritdoc />
    public IReadOnlyList<string> ParameterNames { get; } = ["E", "A", "alpha"];

    /// <inheritdoc />
    public void Predict(ReadOnlySpan<double> theta, double origin, ReadOnlySpan<double> x, Span<double> y, Span<double> jacobian)
    {
        int n = x.Length;
        for (int i = 0; i < n; i++)
        {
            double l = Ln10 * (x[i] - origin);
            // Kaplan et al. 2020: L(s) = E + A·s^(−α), about s₀
            double term = Math.Exp(-theta[2] * l);
            y[i] = theta[0] + theta[1] * term;
            jacobian[i] = 1;
            jacobian[n + i] = term;
            jacobian[2 * n + i] = -theta[1] * term * l;
        }
    }

    /// <inheritdoc />
    public double[] Natural(ReadOnlySpan<double> theta, CurvePoints data)
    {
        if (!data.LogScale) throw new InvalidOperationException("the power law is a law of the scale itself; fit it on log-scale data");
        return [theta[0], theta[1] * Math.Pow(10, data.Origin * theta[2]), theta[2]];
    }

    /// <inheritdoc />
    public IReadOnlyList<double[]> Starts(CurvePoints data)
    {
        var ones = data.X.Select(_ => 1.0).ToArray();
        var starts = new List<double[]>();
        foreach (double alpha in StartExponents)
        {
            var term = data.X.Select(x => Math.Exp(-alpha * Ln10 * (x - data.Origin))).ToArray();
            // At fixed alpha the law is linear in (E, Â): solve them exactly.
            if (WeightedLeastSquares.Solve([ones, term], data.Y, data.Weights) is not { } beta) continue;
            starts.Add([beta[0], beta[1], alpha]);
        }
        return starts;
    }
}
