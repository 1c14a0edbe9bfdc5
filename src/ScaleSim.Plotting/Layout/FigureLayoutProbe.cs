using ScottPlot;

namespace ScaleSim.Plotting;

/// <summary>Renders a plot once and reads back where its texts went (see <see cref="FigureLayout"/>).</summary>
internal static class FigureLayoutProbe
{
    // Gap ScottPlot leaves between the frame and a tick label (tick length plus padding), pixels; an estimate.
    private const float TickLabelGap = 6;

    public static FigureLayout Measure(Plot plot, int width, int height)
    {
        using (plot.GetImage(width, height)) { } // lays out and renders, filling LastRender
        RenderDetails render = plot.RenderManager.LastRender;
        PixelRect data = render.DataRect;
        using Paint paint = Paint.NewDisposablePaint();
        var texts = new List<PlacedText>();

        PixelSize Size(LabelStyle style, string text)
        {
            string saved = style.Text;
            style.Text = text;
            PixelSize size = style.Measure(paint).Size;
            style.Text = saved;
            return size;
        }

        var xLabels = new List<string>();
        foreach (Tick tick in plot.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor && !string.IsNullOrEmpty(t.Label)))
        {
            float px = plot.Axes.Bottom.GetPixel(tick.Position, data);
            if (px < data.Left - 1 || px > data.Right + 1) continue;
            PixelSize size = Size(plot.Axes.Bottom.TickLabelStyle, tick.Label);
            texts.Add(new PlacedText("tick-label", tick.Label, px - size.Width / 2, data.Bottom + TickLabelGap, px + size.Width / 2, data.Bottom + TickLabelGap + size.Height));
            xLabels.Add(tick.Label);
        }
        var yLabels = new List<string>();
        foreach (Tick tick in plot.Axes.Left.TickGenerator.Ticks.Where(t => t.IsMajor && !string.IsNullOrEmpty(t.Label)))
        {
            float py = plot.Axes.Left.GetPixel(tick.Position, data);
            if (py < data.Top - 1 || py > data.Bottom + 1) continue;
            PixelSize size = Size(plot.Axes.Left.TickLabelStyle, tick.Label);
            texts.Add(new PlacedText("tick-label", tick.Label, data.Left - TickLabelGap - size.Width, py - size.Height / 2, data.Left - TickLabelGap, py + size.Height / 2));
            yLabels.Add(tick.Label);
        }

        string title = plot.Axes.Title.Label.Text;
        if (!string.IsNullOrEmpty(title))
        {
            PixelSize size = Size(plot.Axes.Title.Label, title);
            float centre = (data.Left + data.Right) / 2;
            texts.Add(new PlacedText("title", title, centre - size.Width / 2, data.Top - size.Height - 4, centre + size.Width / 2, data.Top - 4));
        }
        foreach (var (axisLabel, vertical) in new[] { (plot.Axes.Bottom.Label, false), (plot.Axes.Left.Label, true) })
        {
            if (string.IsNullOrEmpty(axisLabel.Text)) continue;
            PixelSize size = Size(axisLabel, axisLabel.Text);
            if (vertical)
            {
                // Rotated: its length runs along the axis.
                float centre = (data.Top + data.Bottom) / 2;
                texts.Add(new PlacedText("axis-label", axisLabel.Text, 2, centre - size.Width / 2, 2 + size.Height, centre + size.Width / 2));
            }
            else
            {
                float centre = (data.Left + data.Right) / 2;
                texts.Add(new PlacedText("axis-label", axisLabel.Text, centre - size.Width / 2, height - 2 - size.Height, centre + size.Width / 2, height - 2));
            }
        }

        foreach (ScottPlot.Plottables.Text text in plot.GetPlottables<ScottPlot.Plottables.Text>())
        {
            Pixel at = plot.GetPixel(text.Location);
            PixelSize size = Size(text.LabelStyle, text.LabelText);
            PixelPadding pad = text.LabelStyle.PixelPadding;
            float w = size.Width + pad.Horizontal, h = size.Height + pad.Vertical;
            float left = at.X + text.OffsetX - text.Alignment.HorizontalFraction() * w;
            float top = at.Y + text.OffsetY - text.Alignment.VerticalFraction() * h;
            texts.Add(new PlacedText("annotation", text.LabelText, left, top, left + w, top + h));
        }

        var entries = plot.Legend.ManualItems.Select(i => i.LabelText ?? string.Empty).ToList();
        bool inside = plot.Legend.IsVisible && entries.Count > 0;
        if (inside)
        {
            PixelSize size = plot.Legend.LastRenderSize;
            PixelPadding margin = plot.Legend.Margin;
            float left = plot.Legend.Alignment.HorizontalFraction() switch
            {
                0 => data.Left + margin.Left,
                1 => data.Right - margin.Right - size.Width,
                _ => (data.Left + data.Right - size.Width) / 2,
            };
            float top = plot.Legend.Alignment.VerticalFraction() switch
            {
                0 => data.Top + margin.Top,
                1 => data.Bottom - margin.Bottom - size.Height,
                _ => (data.Top + data.Bottom - size.Height) / 2,
            };
            texts.Add(new PlacedText("legend", string.Join(" | ", entries), left, top, left + size.Width, top + size.Height));
        }
        bool shown = entries.Count > 0 && (inside || plot.Axes.GetPanels().OfType<ScottPlot.Panels.LegendPanel>().Any());
        return new FigureLayout(width, height, data.Left, data.Top, data.Right, data.Bottom, texts,
            shown ? entries : [], inside, xLabels, yLabels);
    }

    private static float HorizontalFraction(this Alignment alignment) => alignment switch
    {
        Alignment.UpperLeft or Alignment.MiddleLeft or Alignment.LowerLeft => 0,
        Alignment.UpperCenter or Alignment.MiddleCenter or Alignment.LowerCenter => 0.5f,
        _ => 1,
    };

    private static float VerticalFraction(this Alignment alignment) => alignment switch
    {
        Alignment.UpperLeft or Alignment.UpperCenter or Alignment.UpperRight => 0,
        Alignment.MiddleLeft or Alignment.MiddleCenter or Alignment.MiddleRight => 0.5f,
        _ => 1,
    };
}
