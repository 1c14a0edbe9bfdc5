using ScaleSim.Laws;

namespace ScaleSim.Fitting;

/// <summary>
/// Muennighoff et al.'s (2023) data-constrained law in log space: log L̂ at θ = (a, b, e, alpha, beta, log R_D*, log R_N*)
/// with A = exp(a), B = exp(b), E = exp(e). The Jacobian comes from the law's own analytic gradient, rescaled to these
/// coordinates (d log L/d a = A·(dL/dA)/L, and so on), so there is one derivation of it.
/// </summary>
public sealed class DataConstrainedModel : ILogLossModel
{
    /// <summary>Decay scales tried as starts for R_D* and R_N* (the paper's fit: 15.4 and 5.3).</summary>
    private static readonly double[] StartRStarD = [2, 5, 15, 50], StartRStarN = [1, 5, 20];

    /// <summary>
    /// A coarser cut of Hoffmann's grid for the seed fit (5·5·3·3·3 = 675 starts instead of 4500): it only places the
    /// starts, and the seven-parameter fit refines from each.
    /// </summary>
    private static readonly IReadOnlyList<double[]> SeedGrid = StartGrid.Product(
        StartGrid.Range(0, 20, 5), StartGrid.Range(0, 20, 5), StartGrid.Range(-1, 1, 1), [0.25, 0.5, 1.0], [0.25, 0.5, 1.0]);

    /// <inheritdoc />
    public string LawKind => DataConstrainedLaw.KindName;

    /// <inheritdoc />
    public IReadOnlyList<string> ParameterNames { get; } = ["a", "b", "e", "alpha", "beta", "log_R_D_star", "log_R_N_star"];

    /// <inheritdoc />
    public void Validate(FitData data, string source)
    {
        if (data.LogParams.Length == 0) throw InputException.About($"{source}: the data-constrained law needs parameters N (map the column with {InputName.Of("params_column")})");
        if (data.LogTokens.Length == 0) throw InputException.About($"{source}: the data-constrained law needs tokens D (map the column with {InputName.Of("tokens_column")}, or give N and C)");
        if (data.UniqueTokens.Length == 0) throw InputException.About($"{source}: the data-constrained law needs unique tokens U per run (map the column with {InputName.Of("unique_tokens_column")})");
    }

    /// <inheritdoc />
    public void Predict(ReadOnlySpan<double> theta, FitData data, Span<double> logLoss, Span<double> jacobian)
    {
        var law = (DataConstrainedLaw)ToLaw(theta);
        Span<double> scale = [law.A, law.B, law.E, 1, 1, law.RStarD, law.RStarN];
        Span<double> gradient = stackalloc double[7];
        int n = logLoss.Length;
        for (int i = 0; i < n; i++)
        {
            var x = new ScalePoint(Math.Exp(data.LogParams[i]), Math.Exp(data.LogTokens[i]), double.NaN) { UniqueTokens = data.UniqueTokens[i] };
            double loss = law.Loss(x);
            law.Gradient(x, gradient);
            logLoss[i] = Math.Log(loss);
            // Natural order is (E, A, B, alpha, beta, R_D*, R_N*); fit order is (a, b, e, alpha, beta, log R_D*, log R_N*).
            jacobian[i] = scale[0] * gradient[1] / loss;
            jacobian[n + i] = scale[1] * gradient[2] / loss;
            jacobian[2 * n + i] = scale[2] * gradient[0] / loss;
            jacobian[3 * n + i] = gradient[3] / loss;
            jacobian[4 * n + i] = gradient[4] / loss;
            jacobian[5 * n + i] = scale[5] * gradient[5] / loss;
            jacobian[6 * n + i] = scale[6] * gradient[6] / loss;
        }
    }

    /// <inheritdoc />
    public ILossLaw ToLaw(ReadOnlySpan<double> theta) => new DataConstrainedLaw(
        E: Math.Exp(theta[2]), A: Math.Exp(theta[0]), B: Math.Exp(theta[1]), Alpha: theta[3], Beta: theta[4],
        RStarD: Math.Exp(theta[5]), RStarN: Math.Exp(theta[6]));

    /// <inheritdoc />
    public double[] FromLaw(ILossLaw law)
    {
        var c = law as DataConstrainedLaw ?? throw new ArgumentException($"expected a data-constrained law, got {law.Kind}", nameof(law));
        return [Math.Log(c.A), Math.Log(c.B), Math.Log(c.E), c.Alpha, c.Beta, Math.Log(c.RStarD), Math.Log(c.RStarN)];
    }

    /// <summary>
    /// Starts from a Chinchilla fit (a coarse cut of Hoffmann's grid) to the runs that see each token once, D ≤ U, when there are at least
    /// five of them, otherwise to all runs; crossed with a few decay scales. Departure: Muennighoff et al. do not publish
    /// their starting grid; this keeps the 7-parameter search to a dozen local fits.
    /// </summary>
    public IReadOnlyList<double[]> DefaultStarts(FitData data)
    {
        var singleEpoch = Enumerable.Range(0, data.Count).Where(i => Math.Exp(data.LogTokens[i]) <= data.UniqueTokens[i] * (1 + 1e-9)).ToArray();
        var baseData = singleEpoch.Length >= 5 ? data.Resample(singleEpoch) : data;
        double[] chinchilla;
        try { chinchilla = MultiStartFitter.Fit(new ChinchillaLseModel(), baseData, new FitOptions { Starts = SeedGrid }).Theta; }
        catch (InputException) { chinchilla = [Math.Log(400), Math.Log(400), 0.5, 0.34, 0.28]; }
        var starts = new List<double[]>();
        foreach (double rd in StartRStarD)
        foreach (double rn in StartRStarN)
            starts.Add([.. chinchilla, Math.Log(rd), Math.Log(rn)]);
        return starts;
    }
}
