using ScottPlot;

namespace ScaleSim.Plotting;

/// <summary>
/// One thing drawn on a figure (a series, a band, a contour set, …). A figure keeps its layers
/// as data and turns them into ScottPlot plottables only when rendered, so axis scales may be
/// chosen in any order.
/// </summary>
internal interface IFigureLayer
{
    /// <summary>Throws <see cref="ArgumentException"/> if the layer's values do not suit the axes.</summary>
    void Check(AxisSpec x, AxisSpec y);

    /// <summary>Polylines (in plot coordinates) covering what the layer draws; used to keep the legend off the data.</summary>
    IEnumerable<Coordinates[]> Footprint(AxisSpec x, AxisSpec y);

    /// <summary>
    /// Whether a legend may cover part of this layer when no corner is free of everything
    /// (reference lines and contour lines: guides rather than data).
    /// </summary>
    bool IsGuide => false;

    /// <summary>The exact region (plot coordinates) this layer wants shown, or null to let the figure autoscale.</summary>
    CoordinateRect? Extent(AxisSpec x, AxisSpec y) => null;

    /// <summary>The values this layer draws, in data units, for the figure's CSV (none for plain text).</summary>
    IEnumerable<FigureDataRow> Data(AxisSpec x, AxisSpec y) => [];

    /// <summary>Adds the layer's plottables and legend entries.</summary>
    void Draw(FigureCanvas canvas);
}
