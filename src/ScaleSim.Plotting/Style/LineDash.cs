namespace ScaleSim.Plotting;

/// <summary>Dash pattern of a line.</summary>
public enum LineDash
{
    /// <summary>Continuous line.</summary>
    Solid,

    /// <summary>Long dashes.</summary>
    Dashed,

    /// <summary>Dots.</summary>
    Dotted,

    /// <summary>Alternating dashes and dots.</summary>
    DashDot,
}
