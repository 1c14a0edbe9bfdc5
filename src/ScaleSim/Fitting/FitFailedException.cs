namespace ScaleSim.Fitting;

/// <summary>
/// A fit that failed numerically on valid input: no start reached a finite objective, or the optimum lies where the
/// law means nothing (a compute-optimal size of zero). It names what was being fitted and why it failed; it is not
/// bad input, and callers report it as a failed fit.
/// </summary>
public sealed class FitFailedException : Exception
{
    /// <summary>Creates the error: <paramref name="fit"/> names what was fitted (a law, an approach), <paramref name="reason"/> why it failed.</summary>
    public FitFailedException(string fit, string reason) : base($"{fit}: {reason}")
    {
        Fit = fit;
        Reason = reason;
    }

    /// <summary>What was being fitted, e.g. "Approach 3 (parametric fit)" or "law chinchilla on runs.csv".</summary>
    public string Fit { get; }

    /// <summary>Why it failed.</summary>
    public string Reason { get; }
}
