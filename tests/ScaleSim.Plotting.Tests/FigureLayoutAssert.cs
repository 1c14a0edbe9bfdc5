namespace ScaleSim.Plotting.Tests;

/// <summary>The layout checks every figure must pass (shared with the figure tests of the other projects by copy).</summary>
internal static class FigureLayoutAssert
{
    public static void Readable(Figure figure, string name, int maxTicks = 12)
    {
        FigureLayout layout = figure.MeasureLayout();
        Assert.True(!layout.OutsideCanvas.Any(), $"{name}: text off the canvas: {string.Join("; ", layout.OutsideCanvas.Select(t => t.Text))}");
        Assert.True(!layout.ClippedAnnotations.Any(), $"{name}: annotation clipped by the data area: {string.Join("; ", layout.ClippedAnnotations.Select(t => t.Text))}");
        Assert.True(!layout.Collisions.Any(), $"{name}: texts drawn over each other: {string.Join("; ", layout.Collisions.Select(c => $"'{c.First.Text}' and '{c.Second.Text}'"))}");
        Assert.InRange(layout.XTickLabels.Count, 2, maxTicks);
        Assert.InRange(layout.YTickLabels.Count, 2, maxTicks);
    }
}
