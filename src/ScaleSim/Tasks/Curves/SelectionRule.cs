namespace ScaleSim.Tasks.Curves;

/// <summary>How the form of a curve is chosen among the candidates.</summary>
public enum SelectionRule
{
    /// <summary>The simplest form whose AICc is within the minimum improvement of the lowest.</summary>
    Aicc,

    /// <summary>The form that best predicts the largest scale when fitted without it.</summary>
    Extrapolation,
}
