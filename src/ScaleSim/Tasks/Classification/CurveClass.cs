namespace ScaleSim.Tasks.Classification;

/// <summary>What a task curve does with scale.</summary>
public enum CurveClass
{
    /// <summary>Improves with scale, measurably above chance from the smallest models (or without a knee).</summary>
    Smooth,

    /// <summary>At chance for the smaller models, then clears chance by the margin past a threshold scale.</summary>
    Emergent,

    /// <summary>Gets worse with scale.</summary>
    Inverse,

    /// <summary>Gets worse, then better: falls and rises by at least the margin about an interior turning point.</summary>
    UShaped,

    /// <summary>No change larger than the margin, or no form beats a constant.</summary>
    Flat,
}
