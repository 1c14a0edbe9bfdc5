namespace ScaleSim.Tasks.Curves;

/// <summary>
/// Broken Neural Scaling Laws (Caballero et al. 2022, Eq. 1) with one or two breaks:
/// y = a + b·x^(−c0)·∏ᵢ (1 + (x/dᵢ)^(1/fᵢ))^(−cᵢ·fᵢ), x the scale. Below a break the curve follows a power law of
/// exponent c0; past break i the exponent grows by cᵢ, over a width set by the sharpness fᵢ. A rise from chance is
/// b &lt; 0 with c0 ≈ 0: flat at a + b until the break, then climbing towards a.
/// </summary>
/// <remarks>
/// Fitted in logs about the scale s₀ = 10^origin, with L = ln(x/s₀) (as Caballero et al. fit, the product is
/// evaluated as a sum of softplus terms, which stays finite for sharp breaks):
/// y = a + b̂·exp(−c0·L − Σ cᵢ·fᵢ·softplus((L − ln(dᵢ/s₀))/fᵢ)).
/// Coordinates θ = (a, b̂, c0, δ1, c1, φ1[, δ2, c2, φ2]) with dᵢ = s₀·10^δᵢ and fᵢ = e^φᵢ; the reported b is
/// b̂·s₀^c0, the coefficient of the paper's equation in raw scale.
/// </remarks>
public sealed class BrokenPowerLawForm : ICurveForm
{
    private static readonly double Ln10 = Math.Log(10);

    /// <summary>A BNSL with one or two breaks.</summary>
    public BrokenPowerLawForm(int breaks)
    {
        if (breaks is not (1 or 2)) throw new ArgumentOutOfRangeException(nameof(breaks), "BNSL fits here have one or two breaks");
        Breaks = breaks;
        ParameterNames = breaks == 1 ? ["a", "b", "c0", "d1", "c1", "f1"] : ["a", "b", "c0", "d1", "c1", "f1", "d2", "c2", "f2"];
    }

    /// <summary>Number of breaks.</summary>
    public int Breaks { get; }

    /// <inheritdoc />
    public string Name => Breaks == 1 ? "bnsl" : "bnsl2";

    /// <inheritdoc />
    public IReadOnlyList<string> ParameterNames { get; }

    /// <inheritdoc />
    public void Predict(ReadOnlySpan<double> theta, double origin, ReadOnlySpan<double> x, Span<double> y, Span<double> jacobian)
    {
        int n = x.Length;
        double a = theta[0], b = theta[1], c0 = theta[2];
        for (int i = 0; i < n; i++)
        {
            double l = Ln10 * (x[i] - origin);
            // Caballero et al. 2022, Eq. 1, in logs: ln of b·x^(−c0)·∏(1 + (x/d)^(1/f))^(−c·f)
            double exponent = -c0 * l;
            for (int j = 0; j < Breaks; j++)
            {
                double c = theta[4 + 3 * j], f = Math.Exp(theta[5 + 3 * j]);
                exponent -= c * f * Logistic.Softplus((l - Ln10 * theta[3 + 3 * j]) / f);
            }
            double term = exponent < 700 ? Math.Exp(exponent) : double.NaN;
            y[i] = a + b * term;
            jacobian[i] = 1;
            jacobian[n + i] = term;
            jacobian[2 * n + i] = -b * term * l;
            for (int j = 0; j < Breaks; j++)
            {
                double c = theta[4 + 3 * j], f = Math.Exp(theta[5 + 3 * j]);
                double z = (l - Ln10 * theta[3 + 3 * j]) / f, s = Logistic.Sigmoid(z), sp = Logistic.Softplus(z);
                jacobian[(3 + 3 * j) * n + i] = b * term * c * s * Ln10;
                jacobian[(4 + 3 * j) * n + i] = -b * term * f * sp;
                jacobian[(5 + 3 * j) * n + i] = b * term * f * c * (z * s - sp);
            }
        }
    }

    /// <inheritdoc />
    public double[] Natural(ReadOnlySpan<double> theta, CurvePoints data)
    {
        if (!data.LogScale) throw new InvalidOperationException("BNSL is a law of the scale itself; fit it on log-scale data");
        var values = new List<double> { theta[0], theta[1] * Math.Pow(10, data.Origin * theta[2]), theta[2] };
        for (int j = 0; j < Breaks; j++)
            values.AddRange([Math.Pow(10, data.Origin + theta[3 + 3 * j]), theta[4 + 3 * j], Math.Exp(theta[5 + 3 * j])]);
        return values.ToArray();
    }

    /// <inheritdoc />
    public IReadOnlyList<double[]> Starts(CurvePoints data) => data.LogResponse && Breaks == 1 ? LossStarts(data) : ScoreStarts(data);

    /// <summary>
    /// Starts for a loss, after Caballero et al.'s code: a grid with b and the break d log-spaced (theirs 1.25^g − 0.9,
    /// g = 0, 2.5, …, 37.5, over their data's raw scale; here d over the data's decades, half a decade beyond each end,
    /// and b over six decades about the spread of the losses), the exponents and sharpness on short linear grids,
    /// ranked by the objective in log space. Their code grids a as well; here a is solved exactly at each grid point
    /// (least squares in y), which finds what their grid would and more.
    /// </summary>
    private List<double[]> LossStarts(CurvePoints data)
    {
        double lo = data.XMin - data.Origin - 0.5, hi = data.XMax - data.Origin + 0.5;
        const int breakCount = 12;
        var deltas = Enumerable.Range(0, breakCount).Select(i => lo + (hi - lo) * i / (breakCount - 1)).ToArray();
        double spread = Math.Max(data.Y.Max() - data.Y.Min(), 1e-3 * Math.Max(data.Y.Max(), 1e-3));
        var bs = Enumerable.Range(0, 13).Select(i => spread * Math.Pow(10, -2 + 0.5 * i)).ToArray();
        double[] c0s = [-0.25, 0, 0.1, 0.25, 0.5];
        double[] c1s = [0.25, 0.5, 1, 2, 4];
        double[] fs = [0.1, 0.25, 0.5, 1];
        var starts = new List<double[]>(deltas.Length * bs.Length * c0s.Length * c1s.Length * fs.Length);
        var term = new double[data.Count];
        var jacobian = new double[data.Count * ParameterNames.Count];
        double weightSum = data.Weights.Sum();
        foreach (double delta in deltas)
            foreach (double c0 in c0s)
                foreach (double c1 in c1s)
                    foreach (double f in fs)
                    {
                        double[] shape = [0, 1, c0, delta, c1, Math.Log(f)];
                        Predict(shape, data.Origin, data.X, term, jacobian);
                        if (!term.All(double.IsFinite)) continue;
                        foreach (double b in bs)
                        {
                            // Given b, the offset a that fits best in least squares is the weighted mean of y − b·term.
                            double a = 0;
                            for (int i = 0; i < term.Length; i++) a += data.Weights[i] * (data.Y[i] - b * term[i]);
                            starts.Add([a / weightSum, b, c0, delta, c1, Math.Log(f)]);
                        }
                    }
        return starts;
    }

    private List<double[]> ScoreStarts(CurvePoints data)
    {
        double lo = data.XMin - data.Origin, hi = data.XMax - data.Origin, span = Math.Max(hi - lo, 1e-6);
        double[] positions = Breaks == 1 ? [0.2, 0.35, 0.5, 0.65, 0.8] : [0.2, 0.4, 0.6, 0.8];
        double[] sharpness = Breaks == 1 ? [0.1, 0.5, 2] : [0.3];
        double[] exponents = Breaks == 1 ? [-0.5, 0.3, 1, 3] : [-0.5, 0.5, 2];
        var breakSets = new List<(double Delta, double F, double C)[]>();
        foreach (double p1 in positions)
            foreach (double f1 in sharpness)
                foreach (double c1 in exponents)
                {
                    var first = (lo + p1 * span, f1, c1);
                    if (Breaks == 1) { breakSets.Add([first]); continue; }
                    foreach (double p2 in positions.Where(p => p > p1))
                        foreach (double f2 in sharpness)
                            foreach (double c2 in exponents)
                                breakSets.Add([first, (lo + p2 * span, f2, c2)]);
                }

        var starts = new List<double[]>();
        var ones = data.X.Select(_ => 1.0).ToArray();
        // Two-break fits also start from the one-break optimum (FormSelection), so their grid can be coarser.
        foreach (double c0 in Breaks == 1 ? new[] { 0.0, 0.3 } : [0.0])
        {
            foreach (var set in breakSets)
            {
                var theta = new double[3 + 3 * Breaks];
                theta[2] = c0;
                for (int j = 0; j < Breaks; j++) (theta[3 + 3 * j], theta[4 + 3 * j], theta[5 + 3 * j]) = (set[j].Delta, set[j].C, Math.Log(set[j].F));
                // At fixed exponents and breaks the curve is linear in (a, b): solve them exactly.
                var term = new double[data.Count];
                var jacobian = new double[data.Count * theta.Length];
                theta[1] = 1;
                Predict(theta, data.Origin, data.X, term, jacobian);
                if (WeightedLeastSquares.Solve([ones, term], data.Y, data.Weights) is not { } beta) continue;
                (theta[0], theta[1]) = (beta[0], beta[1]);
                starts.Add(theta);
            }
        }
        return starts;
    }

    /// <summary>
    /// A two-break start that reproduces a one-break fit exactly (the second break beyond the data with c2 = 0), so the
    /// two-break fit is never worse than the one-break one.
    /// </summary>
    public static double[] ExtendOneBreak(double[] oneBreak, CurvePoints data) =>
        [.. oneBreak, data.XMax - data.Origin + 1, 0, 0];
}
