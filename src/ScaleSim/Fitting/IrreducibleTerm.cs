namespace ScaleSim.Fitting;

/// <summary>
/// Adds an irreducible loss E = exp(e) to a power law written in log space: log(L0 + E) = LSE(log L0, e).
/// </summary>
internal static class IrreducibleTerm
{
    /// <summary>
    /// Replaces predictions log L0 by log(L0 + E), rescales the Jacobian columns of log L0 by their softmax weight and
    /// fills the last column with d/de.
    /// </summary>
    public static void Add(Span<double> logLoss, double e, Span<double> jacobian, int parameters)
    {
        int n = logLoss.Length;
        for (int i = 0; i < n; i++)
        {
            double m = Math.Max(logLoss[i], e);
            double e1 = Math.Exp(logLoss[i] - m), e2 = Math.Exp(e - m);
            double sum = e1 + e2;
            double w1 = e1 / sum;
            for (int k = 0; k < parameters - 1; k++) jacobian[k * n + i] *= w1;
            jacobian[(parameters - 1) * n + i] = e2 / sum;
            logLoss[i] = m + Math.Log(sum);
        }
    }

    /// <summary>Fractions of the smallest observed loss tried as E in default starts.</summary>
    public static readonly double[] StartFractions = [0.3, 0.6, 0.85];
}
