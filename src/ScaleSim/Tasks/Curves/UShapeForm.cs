namespace ScaleSim.Tasks.Curves;

/// <summary>
/// A two-part U over scale x: y = a + b·x^(−r) + c·x^(r) with b, c, r &gt; 0. The falling term b·x^(−r) is the
/// distractor task that small models learn first and that pulls the score down; the rising term c·x^(r) is the true
/// task that larger models learn (the explanation Wei et al. 2022, "Inverse scaling can become U-shaped", give).
/// The minimum, the turning point, is at x* = (b/c)^(1/(2r)). For a loss, where getting worse means rising, the form
/// is turned over (<see cref="Inverted"/>): y = a − b·x^(−r) − c·x^(r), a loss that rises, peaks at x* and falls again.
/// </summary>
/// <remarks>
/// Both terms share the exponent r: with eight to fifteen points a fifth parameter is rarely worth its AICc penalty.
/// Fitted about s₀ = 10^origin as y = a + b̂·e^(−rL) + ĉ·e^(rL), L = ln(x/s₀), with θ = (a, ln b̂, ln ĉ, ln r);
/// the reported b = b̂·s₀^r and c = ĉ·s₀^(−r) are those of the equation in raw scale.
/// </remarks>
/// <param name="inverted">Whether the U is turned over (a loss's: worse, then better, is up, then down).</param>
public sealed class UShapeForm(bool inverted = false) : ICurveForm
{
    private static readonly double Ln10 = Math.Log(10);

    /// <summary>Whether the U is turned over, peaking at the turning point instead of bottoming out.</summary>
    public bool Inverted { get; } = inverted;

    private double Sign => Inverted ? -1 : 1;

    /// <inheritdoc />
    public string Name => "ushape";

    /// <inheritdoc />
    public IReadOnlyList<string> ParameterNames { get; } = ["a", "b", "c", "r"];

    /// <inheritdoc />
    public void Predict(ReadOnlySpan<double> theta, double origin, ReadOnlySpan<double> x, Span<double> y, Span<double> jacobian)
    {
        int n = x.Length;
        double b = Sign * Math.Exp(theta[1]), c = Sign * Math.Exp(theta[2]), r = Math.Exp(theta[3]);
        for (int i = 0; i < n; i++)
        {
            double l = Ln10 * (x[i] - origin);
            double falling = b * Math.Exp(-r * l), rising = c * Math.Exp(r * l);
            // Wei et al. 2022 (U-shaped): a distractor term falling with scale plus a true-task term rising with it
            y[i] = theta[0] + falling + rising;
            jacobian[i] = 1;
            jacobian[n + i] = falling;
            jacobian[2 * n + i] = rising;
            jacobian[3 * n + i] = r * l * (rising - falling);
        }
    }

    /// <inheritdoc />
    public double[] Natural(ReadOnlySpan<double> theta, CurvePoints data)
    {
        if (!data.LogScale) throw new InvalidOperationException("the U-shape is a law of the scale itself; fit it on log-scale data");
        double r = Math.Exp(theta[3]);
        return [theta[0], Math.Exp(theta[1]) * Math.Pow(10, data.Origin * r), Math.Exp(theta[2]) * Math.Pow(10, -data.Origin * r), r];
    }

    /// <summary>The scale of the minimum (the maximum when inverted), (b/c)^(1/(2r)), from θ.</summary>
    public static double TurningPoint(ReadOnlySpan<double> theta, CurvePoints data) =>
        data.ToScale(data.Origin + (theta[1] - theta[2]) / (2 * Math.Exp(theta[3])) / Ln10);

    /// <inheritdoc />
    public IReadOnlyList<double[]> Starts(CurvePoints data)
    {
        double halfSpan = Math.Max(Ln10 * (data.XMax - data.XMin) / 2, 1e-6);
        double floor = 1e-4 * Math.Max(data.Y.Max() - data.Y.Min(), 1e-3);
        var ones = data.X.Select(_ => 1.0).ToArray();
        var starts = new List<double[]>();
        foreach (double edge in new[] { 0.3, 0.6, 1, 1.5, 2.5, 4, 6 })
        {
            double r = edge / halfSpan;
            var falling = data.X.Select(x => Sign * Math.Exp(-r * Ln10 * (x - data.Origin))).ToArray();
            var rising = data.X.Select(x => Sign * Math.Exp(r * Ln10 * (x - data.Origin))).ToArray();
            // At fixed r the curve is linear in (a, b, c); terms the data want negative start near zero instead.
            if (WeightedLeastSquares.Solve([ones, falling, rising], data.Y, data.Weights) is not { } beta) continue;
            starts.Add([beta[0], Math.Log(Math.Max(beta[1], floor)), Math.Log(Math.Max(beta[2], floor)), Math.Log(r)]);
        }
        return starts;
    }
}
