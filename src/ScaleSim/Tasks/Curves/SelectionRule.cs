namespace ScaleSim.Tasks.Curves;

/// <summary>How the form of a curve is chosen among the candidates.</summary>
public enum SelectionRule
{
    /// <summary>
    /// AICc where its small-sample correction stays within what the data can bear for every candidate (n ≥ 2k' + 2),
    /// BIC over the forms with k ≤ n − 3 otherwise: at 8–15 scales, BIC.
    /// </summary>
    Auto,

    /// <summary>The simplest form whose AICc is within the minimum improvement of the lowest.</summary>
    Aicc,

    /// <summary>The simplest form with k ≤ n − 3 whose BIC is within the minimum improvement of the lowest.</summary>
    Bic,

    /// <summary>The form that best predicts the largest scale when fitted without it.</summary>
    Extrapolation,
}
