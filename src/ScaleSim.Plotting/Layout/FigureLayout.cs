namespace ScaleSim.Plotting;

/// <summary>
/// Where a rendered figure put things, measured from ScottPlot's layout and the label styles' own text metrics:
/// for tests that check what a reviewer would (every label on the canvas, annotations inside the data area and
/// apart from each other, a sensible number of ticks, the legend entries present).
/// </summary>
/// <param name="Width">Canvas width, pixels.</param>
/// <param name="Height">Canvas height, pixels.</param>
/// <param name="DataLeft">Left edge of the data area, pixels.</param>
/// <param name="DataTop">Top edge of the data area, pixels.</param>
/// <param name="DataRight">Right edge of the data area, pixels.</param>
/// <param name="DataBottom">Bottom edge of the data area, pixels.</param>
/// <param name="Texts">Every text drawn: title, axis labels, labelled ticks, annotations and the legend box.</param>
/// <param name="LegendEntries">The legend's entries in order; empty when there is no legend.</param>
/// <param name="LegendInside">Whether the legend sits inside the data area (rather than beside it, or hidden).</param>
/// <param name="XTickLabels">Labels of the x axis's major ticks.</param>
/// <param name="YTickLabels">Labels of the y axis's major ticks.</param>
public sealed record FigureLayout(
    int Width,
    int Height,
    double DataLeft,
    double DataTop,
    double DataRight,
    double DataBottom,
    IReadOnlyList<PlacedText> Texts,
    IReadOnlyList<string> LegendEntries,
    bool LegendInside,
    IReadOnlyList<string> XTickLabels,
    IReadOnlyList<string> YTickLabels)
{
    /// <summary>Texts that reach past the canvas (cut off in the image).</summary>
    public IEnumerable<PlacedText> OutsideCanvas => Texts.Where(t => !t.IsWithin(0, 0, Width, Height));

    /// <summary>Annotations that reach past the data area (ScottPlot clips them there).</summary>
    public IEnumerable<PlacedText> ClippedAnnotations =>
        Texts.Where(t => t.Kind == "annotation" && !t.IsWithin(DataLeft, DataTop, DataRight, DataBottom));

    /// <summary>Pairs of annotations, or an annotation and the legend, drawn over each other.</summary>
    public IEnumerable<(PlacedText First, PlacedText Second)> Collisions
    {
        get
        {
            var placed = Texts.Where(t => t.Kind is "annotation" or "legend").ToList();
            for (int i = 0; i < placed.Count; i++)
                for (int j = i + 1; j < placed.Count; j++)
                    if (placed[i].Overlaps(placed[j], slack: 2))
                        yield return (placed[i], placed[j]);
        }
    }
}
