namespace ScaleSim.Tasks.Curves;

/// <summary>How forms are compared.</summary>
public sealed record SelectionOptions
{
    /// <summary>The selection rule.</summary>
    public SelectionRule Rule { get; init; } = SelectionRule.Auto;

    /// <summary>A more complex form must lower the criterion (AICc or BIC) by at least this much to be chosen over a simpler one.</summary>
    public double MinimumImprovement { get; init; } = 2;

    /// <summary>
    /// Under BIC, the fewest residual degrees of freedom a form must leave: a form with k parameters is a candidate
    /// only when k ≤ n − this.
    /// </summary>
    public int BicResidualDegrees { get; init; } = 3;

    /// <summary>Whether to refit each form without the largest scale to measure its extrapolation error.</summary>
    public bool Extrapolation { get; init; } = true;

    /// <summary>How each form is fitted.</summary>
    public CurveFitOptions Fit { get; init; } = new();
}
