namespace ScaleSim.Plotting;

/// <summary>How an axis maps data values to positions.</summary>
public enum AxisScale
{
    /// <summary>Positions proportional to values.</summary>
    Linear,

    /// <summary>Positions proportional to log10 of values; values must be positive.</summary>
    Log,
}
