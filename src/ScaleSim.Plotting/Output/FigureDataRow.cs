namespace ScaleSim.Plotting;

/// <summary>
/// One drawn value of a figure, as written to the figure's CSV: which layer and series it belongs to and
/// its coordinates in data units (not log10).
/// </summary>
/// <param name="Layer">The kind of element: line, markers, band, error-bar, contour, histogram, reference, highlight, family.</param>
/// <param name="Series">The series' legend label, or the element's own text.</param>
/// <param name="X">x in data units; NaN where the element has no x (a horizontal reference line).</param>
/// <param name="Y">y in data units; NaN where the element has no y (a vertical reference line).</param>
/// <param name="YLow">Lower end of a band or error bar; NaN otherwise.</param>
/// <param name="YHigh">Upper end of a band or error bar; NaN otherwise.</param>
internal sealed record FigureDataRow(string Layer, string Series, double X, double Y, double YLow = double.NaN, double YHigh = double.NaN);
