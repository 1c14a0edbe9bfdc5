namespace ScaleSim.Tasks.Curves;

/// <summary>
/// A logistic curve from a floor to a ceiling over log scale: y = floor + (ceiling − floor)·σ(slope·(x − midpoint)),
/// x = log10(scale), the usual description of an emergent ability (Wei et al. 2022). The floor is the chance level
/// when it is known (fixed, so that emergence is measured from chance) and fitted otherwise; floor and ceiling stay in
/// [0, 1] and the ceiling above the floor; a negative slope makes the curve fall from the ceiling to the floor.
/// </summary>
/// <remarks>
/// Coordinates: θ = (u, m, κ) with a fixed floor c, ceiling = c + (1 − c)·σ(u), midpoint = origin + m,
/// slope = K·tanh(κ/K); with a free floor θ = (φ, u, m, κ) and floor = σ(φ). The bound K on the slope keeps a
/// step-like curve from driving the optimiser to infinity: at K = 30 per decade the rise takes a tenth of a decade.
/// </remarks>
/// <param name="floor">The fixed floor (chance level), or null to fit it.</param>
/// <param name="maxSlope">The bound K on |slope|, in logistic units per unit of x.</param>
public sealed class SigmoidForm(double? floor, double maxSlope = 30) : ICurveForm
{
    /// <summary>The fixed floor, or null when it is fitted.</summary>
    public double? Floor { get; } = floor;

    /// <summary>The bound on |slope|.</summary>
    public double MaxSlope { get; } = maxSlope;

    private bool FreeFloor => Floor is null;

    /// <inheritdoc />
    public string Name => "sigmoid";

    /// <inheritdoc />
    public IReadOnlyList<string> ParameterNames => FreeFloor ? ["floor", "ceiling", "midpoint", "slope"] : ["ceiling", "midpoint", "slope"];

    /// <inheritdoc />
    public void Predict(ReadOnlySpan<double> theta, double origin, ReadOnlySpan<double> x, Span<double> y, Span<double> jacobian)
    {
        int n = x.Length, o = FreeFloor ? 1 : 0;
        double c = FreeFloor ? Logistic.Sigmoid(theta[0]) : Floor!.Value;
        double su = Logistic.Sigmoid(theta[o]);
        double amplitude = (1 - c) * su;
        double mid = origin + theta[o + 1];
        double t = Math.Tanh(theta[o + 2] / MaxSlope), k = MaxSlope * t, dk = 1 - t * t;
        for (int i = 0; i < n; i++)
        {
            double s = Logistic.Sigmoid(k * (x[i] - mid));
            double ds = s * (1 - s);
            y[i] = c + amplitude * s;
            // Wei et al. 2022: emergence as a rise from chance; here a logistic in log10(scale)
            if (FreeFloor) jacobian[i] = c * (1 - c) * (1 - su * s);
            jacobian[o * n + i] = (1 - c) * su * (1 - su) * s;
            jacobian[(o + 1) * n + i] = -amplitude * ds * k;
            jacobian[(o + 2) * n + i] = amplitude * ds * (x[i] - mid) * dk;
        }
    }

    /// <inheritdoc />
    public double[] Natural(ReadOnlySpan<double> theta, CurvePoints data)
    {
        int o = FreeFloor ? 1 : 0;
        double c = FreeFloor ? Logistic.Sigmoid(theta[0]) : Floor!.Value;
        double ceiling = c + (1 - c) * Logistic.Sigmoid(theta[o]);
        double midpoint = data.ToScale(data.Origin + theta[o + 1]);
        double slope = MaxSlope * Math.Tanh(theta[o + 2] / MaxSlope);
        return FreeFloor ? [c, ceiling, midpoint, slope] : [ceiling, midpoint, slope];
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
                double k = Math.Clamp(steepness / span, -0.95 * MaxSlope, 0.95 * MaxSlope);
                var s = data.X.Select(x => Logistic.Sigmoid(k * (x - mid))).ToArray();
                double c, amplitude;
                if (FreeFloor)
                {
                    if (WeightedLeastSquares.Solve([ones, s], data.Y, data.Weights) is not { } beta) continue;
                    (c, amplitude) = (beta[0], beta[1]);
                    // A falling amplitude is the same curve with the slope reversed: σ(−z) = 1 − σ(z).
                    if (amplitude < 0) { c += amplitude; amplitude = -amplitude; k = -k; }
                    c = Math.Clamp(c, 1e-3, 1 - 1e-3);
                }
                else
                {
                    c = Floor!.Value;
                    double num = 0, den = 0;
                    for (int i = 0; i < s.Length; i++) { num += data.Weights[i] * s[i] * (data.Y[i] - c); den += data.Weights[i] * s[i] * s[i]; }
                    amplitude = den > 0 ? num / den : 0;
                }
                double fraction = Math.Clamp(amplitude / (1 - c), 1e-3, 1 - 1e-3);
                double u = Logistic.Logit(fraction), kappa = MaxSlope * Math.Atanh(k / MaxSlope);
                starts.Add(FreeFloor ? [Logistic.Logit(c), u, mid - data.Origin, kappa] : [u, mid - data.Origin, kappa]);
            }
        }
        return starts;
    }
}
