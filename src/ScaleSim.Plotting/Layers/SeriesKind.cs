namespace ScaleSim.Plotting;

/// <summary>How a series of points is drawn.</summary>
internal enum SeriesKind
{
    Line,
    Markers,
    LineAndMarkers,
}
