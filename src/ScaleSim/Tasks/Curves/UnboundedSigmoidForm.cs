namespace ScaleSim.Tasks.Curves;

/// <summary>
/// A logistic step between any two levels over log scale, for losses: y = level + step·σ(slope·(x − midpoint)),
/// x = log10(scale). A loss that drops sharply past a scale (an emergent ability seen in its loss) is step &lt; 0 with
/// slope &gt; 0. The level is the chance loss when the table gives one (fixed, as the score sigmoid's floor is) and
/// fitted otherwise. Unlike <see cref="SigmoidForm"/>, nothing bounds the levels to [0, 1].
/// </summary>
/// <remarks>
/// Coordinates: θ = (step, m, κ) with a fixed level, θ = (level, step, m, κ) with a free one; midpoint = origin + m and
/// slope = K·tanh(κ/K), the same bound K on |slope| as the score sigmoid.
/// </remarks>
/// <param name="level">The fixed level at small scales (a chance loss), or null to fit it.</param>
/// <param name="maxSlope">The bound K on |slope|, in logistic units per unit of x.</param>
public sealed class UnboundedSigmoidForm(double? level, double maxSlope = 30) : ICurveForm
{
    /// <summary>The fixed level, or null when it is fitted.</summary>
    public double? Level { get; } = level;

    private bool FreeLevel => Level is null;

    /// <inheritdoc />
    public string Name => "sigmoid";

    /// <inheritdoc />
    public IReadOnlyList<string> ParameterNames => FreeLevel ? ["level", "step", "midpoint", "slope"] : ["step", "midpoint", "slope"];

    /// <inheritdoc />
    public void Predict(ReadOnlySpan<double> theta, double origin, ReadOnlySpan<double> x, Span<double> y, Span<double> jacobian)
    {
        int n = x.Length, o = FreeLevel ? 1 : 0;
        double c = FreeLevel ? theta[0] : Level!.Value, step = theta[o];
        double mid = origin + theta[o + 1];
        double t = Math.Tanh(theta[o + 2] / maxSlope), k = maxSlope * t, dk = 1 - t * t;
        for (int i = 0; i < n; i++)
        {
            double s = Logistic.Sigmoid(k * (x[i] - mid));
            double ds = s * (1 - s);
            // Wei et al. 2022's picture of emergence, a logistic in log10(scale), between free levels
            y[i] = c + step * s;
            if (FreeLevel) jacobian[i] = 1;
            jacobian[o * n + i] = s;
            jacobian[(o + 1) * n + i] = -step * ds * k;
            jacobian[(o + 2) * n + i] = step * ds * (x[i] - mid) * dk;
        }
    }

    /// <inheritdoc />
    public double[] Natural(ReadOnlySpan<double> theta, CurvePoints data)
    {
        int o = FreeLevel ? 1 : 0;
        double midpoint = data.ToScale(data.Origin + theta[o + 1]);
        double slope = maxSlope * Math.Tanh(theta[o + 2] / maxSlope);
        return FreeLevel ? [theta[0], theta[1], midpoint, slope] : [theta[0], midpoint, slope];
    }

    /// <inheritdoc />
    public IReadOnlyList<double[]> Starts(CurvePoints data)
    {
        double span = Math.Max(data.XMax - data.XMin, 1e-6);
        var starts = new List<double[]>();
        var ones = data.X.Select(_ => 1.0).ToArray();
        foreach (double position in new[] { -0.2, 0, 0.15, 0.3, 0.45, 0.6, 0.75, 0.9, 1.1 })
        {
            double mid = data.XMin + position * span;
            foreach (double steepness in new[] { 1.5, 4, 10, 25, -1.5, -4, -10, -25 })
            {
                double k = Math.Clamp(steepness / span, -0.95 * maxSlope, 0.95 * maxSlope);
                var s = data.X.Select(x => Logistic.Sigmoid(k * (x - mid))).ToArray();
                double kappa = maxSlope * Math.Atanh(k / maxSlope);
                // At fixed midpoint and slope the curve is linear in (level, step): solve them exactly.
                if (FreeLevel)
                {
                    if (WeightedLeastSquares.Solve([ones, s], data.Y, data.Weights) is not { } beta) continue;
                    starts.Add([beta[0], beta[1], mid - data.Origin, kappa]);
                }
                else
                {
                    double c = Level!.Value, num = 0, den = 0;
                    for (int i = 0; i < s.Length; i++) { num += data.Weights[i] * s[i] * (data.Y[i] - c); den += data.Weights[i] * s[i] * s[i]; }
                    starts.Add([den > 0 ? num / den : 0, mid - data.Origin, kappa]);
                }
            }
        }
        return starts;
    }
}
