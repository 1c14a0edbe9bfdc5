namespace ScaleSim.Analysis;

/// <summary>
/// Hoffmann et al. (2022) Approach 2: a parabola L = c0 + c1·x + c2·x² in x = log N fitted to one IsoFLOP profile; its
/// vertex is the profile's loss-optimal model size.
/// </summary>
/// <param name="Flops">The budget.</param>
/// <param name="C0">Constant term.</param>
/// <param name="C1">Linear coefficient in log N.</param>
/// <param name="C2">Quadratic coefficient in log N (positive for a minimum).</param>
/// <param name="MinLogParams">Smallest log N in the profile.</param>
/// <param name="MaxLogParams">Largest log N in the profile.</param>
public sealed record IsoFlopParabola(double Flops, double C0, double C1, double C2, double MinLogParams, double MaxLogParams)
{
    /// <summary>log N at the vertex.</summary>
    public double VertexLogParams => -C1 / (2 * C2);

    /// <summary>The loss-optimal N of the profile.</summary>
    public double OptimalParams => Math.Exp(VertexLogParams);

    /// <summary>D = C/(6N) at the optimum.</summary>
    public double OptimalTokens => Flops / (6 * OptimalParams);

    /// <summary>The fitted loss at the vertex.</summary>
    public double MinimumLoss => LossAt(OptimalParams);

    /// <summary>Whether the parabola opens upward and its vertex lies strictly inside the sizes trained.</summary>
    public bool HasInteriorMinimum => OpensUpward && VertexInside;

    /// <summary>Whether the parabola has a minimum at all (c2 &gt; 0).</summary>
    public bool OpensUpward => C2 > 0;

    /// <summary>Whether the vertex lies strictly inside the sizes trained (whether or not it is a minimum).</summary>
    public bool VertexInside => VertexLogParams > MinLogParams && VertexLogParams < MaxLogParams;

    /// <summary>The ratio of the largest to the smallest size of the profile: the grid's width.</summary>
    public double Width => Math.Exp(MaxLogParams - MinLogParams);

    /// <summary>How many runs the parabola was fitted to.</summary>
    public int Points { get; init; }

    /// <summary>
    /// The relative residuals L̂/L − 1 of the runs, in the order given (about the residuals in log loss, so they compare
    /// with a parametric fit's).
    /// </summary>
    public IReadOnlyList<double> Residuals { get; init; } = [];

    /// <summary>Root mean square of <see cref="Residuals"/>.</summary>
    public double ResidualRmse => Residuals.Count == 0 ? double.NaN : Math.Sqrt(Residuals.Average(r => r * r));

    /// <summary>The fitted loss at N.</summary>
    public double LossAt(double n)
    {
        double x = Math.Log(n);
        return C0 + C1 * x + C2 * x * x;
    }

    /// <summary>Least-squares parabola of loss on log N; needs at least three distinct sizes.</summary>
    public static IsoFlopParabola Fit(double flops, IReadOnlyList<double> parameters, IReadOnlyList<double> loss)
    {
        if (parameters.Distinct().Count() < 3)
            throw new InputException($"IsoFLOP profile at {flops:0.00e+00} FLOPs has {parameters.Distinct().Count()} distinct sizes; a parabola needs at least 3");
        var x = parameters.Select(n => Math.Log(n)).ToArray();
        // Centre x before fitting: log N near 20 makes x² ~ 400 and the normal equations ill-conditioned.
        double mean = x.Average();
        var c = MathNet.Numerics.Fit.Polynomial(x.Select(v => v - mean).ToArray(), loss.ToArray(), 2);
        // Expand c0 + c1 (x − m) + c2 (x − m)² back into powers of x.
        var parabola = new IsoFlopParabola(flops, c[0] - c[1] * mean + c[2] * mean * mean, c[1] - 2 * c[2] * mean, c[2], x.Min(), x.Max());
        return parabola with
        {
            Points = loss.Count,
            Residuals = parameters.Select((n, i) => parabola.LossAt(n) / loss[i] - 1).ToArray(),
        };
    }
}
