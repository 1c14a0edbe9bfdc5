namespace ScaleSim.Tasks.Curves;

/// <summary>How forms are compared.</summary>
public sealed record SelectionOptions
{
    /// <summary>The selection rule.</summary>
    public SelectionRule Rule { get; init; } = SelectionRule.Aicc;

    /// <summary>A more complex form must lower AICc by at least this much to be chosen over a simpler one.</summary>
    public double MinimumAiccImprovement { get; init; } = 2;

    /// <summary>Whether to refit each form without the largest scale to measure its extrapolation error.</summary>
    public bool Extrapolation { get; init; } = true;

    /// <summary>How each form is fitted.</summary>
    public CurveFitOptions Fit { get; init; } = new();
}
