namespace ScaleSim.Plotting;

/// <summary>Where a point's label sits relative to the point.</summary>
public enum LabelSide
{
    /// <summary>Upper right, switching to the left near the right edge and below near the top.</summary>
    Automatic,

    /// <summary>Above and to the right.</summary>
    UpperRight,

    /// <summary>Above and to the left.</summary>
    UpperLeft,

    /// <summary>Below and to the right.</summary>
    LowerRight,

    /// <summary>Below and to the left.</summary>
    LowerLeft,
}
