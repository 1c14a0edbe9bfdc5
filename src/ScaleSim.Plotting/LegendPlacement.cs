namespace ScaleSim.Plotting;

/// <summary>Where a figure's legend goes.</summary>
public enum LegendPlacement
{
    /// <summary>
    /// Inside the data area, in the corner that covers no data; outside to the right when every corner would cover some.
    /// </summary>
    Automatic,

    /// <summary>Inside, upper left corner.</summary>
    UpperLeft,

    /// <summary>Inside, upper right corner.</summary>
    UpperRight,

    /// <summary>Inside, lower left corner.</summary>
    LowerLeft,

    /// <summary>Inside, lower right corner.</summary>
    LowerRight,

    /// <summary>Outside the data area, to the right.</summary>
    OutsideRight,

    /// <summary>No legend.</summary>
    Hidden,
}
