using System.Globalization;
using ScottPlot;

namespace ScaleSim.Plotting;

/// <summary>
/// Contour lines of f(x, y) over a rectangle, each level labelled on the line (like the loss
/// contours over (N, D) in Hoffmann et al. 2022, Figure 4). The grid is uniform in plot
/// coordinates, i.e. in log10 of the data on a log axis.
/// </summary>
internal sealed class ContourLayer : IFigureLayer
{
    /// <summary>Paths shorter than this (as a fraction of the rectangle) get no label.</summary>
    private const double MinimumLabelledLength = 0.12;

    /// <summary>Where along each path its label goes, cycled by level so neighbouring labels do not stack.</summary>
    private static readonly double[] LabelFractions = [0.5, 0.3, 0.7];

    private readonly Func<double, double, double> function;
    private readonly double xMin, xMax, yMin, yMax;
    private readonly double[] levels;
    private readonly string levelFormat;
    private readonly int resolution;
    private readonly string? levelLabel;

    public ContourLayer(Func<double, double, double> function, double xMin, double xMax, double yMin, double yMax,
        double[] levels, string levelFormat, int resolution, string? levelLabel)
    {
        ArgumentNullException.ThrowIfNull(function);
        SeriesArguments.RequireData(levels, nameof(levels), "contours");
        if (levels.Any(l => !double.IsFinite(l)))
            throw new ArgumentException("contours: every level must be finite.", nameof(levels));
        if (!(xMin < xMax) || !(yMin < yMax))
            throw new ArgumentException($"contours: the rectangle [{xMin}, {xMax}] × [{yMin}, {yMax}] must have min < max on both axes.");
        if (resolution < 3 || resolution > 2000)
            throw new ArgumentException($"contours: resolution must be between 3 and 2000 grid points per axis, got {resolution}.", nameof(resolution));
        ArgumentException.ThrowIfNullOrWhiteSpace(levelFormat);
        this.function = function;
        (this.xMin, this.xMax, this.yMin, this.yMax) = (xMin, xMax, yMin, yMax);
        this.levels = levels.Distinct().Order().ToArray();
        this.levelFormat = levelFormat;
        this.resolution = resolution;
        this.levelLabel = levelLabel;
    }

    public bool IsGuide => true;

    public void Check(AxisSpec x, AxisSpec y)
    {
        x.Check(xMin, "contours: xMin");
        x.Check(xMax, "contours: xMax");
        y.Check(yMin, "contours: yMin");
        y.Check(yMax, "contours: yMax");
    }

    public CoordinateRect? Extent(AxisSpec x, AxisSpec y) =>
        new CoordinateRect(x.ToPlot(xMin), x.ToPlot(xMax), y.ToPlot(yMin), y.ToPlot(yMax));

    public IEnumerable<Coordinates[]> Footprint(AxisSpec x, AxisSpec y) =>
        Trace(x, y).Select(path => path.Xs.Select((px, i) => new Coordinates(px, path.Ys[i])).ToArray());

    public IEnumerable<FigureDataRow> Data(AxisSpec x, AxisSpec y)
    {
        CoordinateRect rect = Extent(x, y)!.Value;
        double[,] values = Sample(x, y, rect);
        double[] gx = Grid(rect.Left, rect.Right), gy = Grid(rect.Bottom, rect.Top);
        foreach (double level in levels)
        {
            string series = "level " + level.ToString("R", CultureInfo.InvariantCulture);
            foreach (ContourPath path in ContourTracer.Trace(gx, gy, values, level))
            {
                for (int i = 0; i < path.Count; i++)
                    yield return new FigureDataRow("contour", series, x.FromPlot(path.Xs[i]), y.FromPlot(path.Ys[i]));
            }
        }
    }

    public void Draw(FigureCanvas canvas)
    {
        CoordinateRect rect = Extent(canvas.X, canvas.Y)!.Value;
        double[] gx = Grid(rect.Left, rect.Right), gy = Grid(rect.Bottom, rect.Top);
        double[,] values = Sample(canvas.X, canvas.Y, rect);
        double low = levels[0], high = levels[^1];
        for (int l = 0; l < levels.Length; l++)
        {
            Color color = ColorOf(levels[l], low, high);
            string text = levels[l].ToString(levelFormat, CultureInfo.InvariantCulture);
            var paths = ContourTracer.Trace(gx, gy, values, levels[l]).ToList();
            foreach (ContourPath path in paths)
            {
                var line = canvas.Plot.Add.ScatterLine(path.Xs, path.Ys, color);
                line.LineWidth = 1.5f;
                line.MarkerSize = 0;
            }
            // One label per level, on its longest piece: a level cut in two by the frame would otherwise be labelled twice.
            ContourPath? longest = paths.OrderByDescending(p => p.Count).FirstOrDefault();
            if (longest is not null && LabelPoint(longest, rect, LabelFractions[l % LabelFractions.Length], canvas.Occupied) is Coordinates at)
                canvas.AddText(text, at.X, at.Y, Alignment.MiddleCenter, color: FigureTheme.Ink);
        }

        if (levelLabel is not null)
        {
            var colorBar = canvas.Plot.Add.ColorBar(new ColorScaleSource(low, high == low ? low + 1 : high, LevelColormap));
            colorBar.Label = levelLabel;
            colorBar.Width = 18;
            colorBar.Axis.TickGenerator = new LinearTickGenerator();
            FigureFont.Apply(colorBar.Axis.Label, FigureTheme.AxisLabelSize);
            FigureFont.Apply(colorBar.Axis.TickLabelStyle, FigureTheme.TickLabelSize);
        }
    }

    // Dark part of viridis only: light yellow lines vanish on white. Coloured by value so the colour bar reads them.
    private static readonly IColormap LevelColormap = new TruncatedColormap(FigurePalette.Sequential, 0, 0.8);

    private static Color ColorOf(double level, double low, double high) =>
        LevelColormap.GetColor(high > low ? (level - low) / (high - low) : 0.5);

    private IEnumerable<ContourPath> Trace(AxisSpec x, AxisSpec y)
    {
        CoordinateRect rect = Extent(x, y)!.Value;
        double[,] values = Sample(x, y, rect);
        double[] gx = Grid(rect.Left, rect.Right), gy = Grid(rect.Bottom, rect.Top);
        return levels.SelectMany(level => ContourTracer.Trace(gx, gy, values, level));
    }

    private double[,] Sample(AxisSpec x, AxisSpec y, CoordinateRect rect) =>
        ContourTracer.Sample(Grid(rect.Left, rect.Right), Grid(rect.Bottom, rect.Top),
            (px, py) => function(x.FromPlot(px), y.FromPlot(py)));

    private double[] Grid(double from, double to) =>
        Enumerable.Range(0, resolution).Select(i => from + (to - from) * i / (resolution - 1)).ToArray();

    /// <summary>
    /// The vertex best for a label: far enough from the rectangle's border that the text is not clipped, clear of the
    /// data drawn by other layers where the path allows it, and otherwise near <paramref name="fraction"/> of the path's
    /// length. Null for a path too short to label.
    /// </summary>
    private static Coordinates? LabelPoint(ContourPath path, CoordinateRect rect, double fraction, IReadOnlyList<Coordinates> occupied)
    {
        var u = path.Xs.Select(v => (v - rect.Left) / rect.Width).ToArray();
        var w = path.Ys.Select(v => (v - rect.Bottom) / rect.Height).ToArray();
        var along = new double[path.Count];
        for (int i = 1; i < path.Count; i++)
            along[i] = along[i - 1] + Math.Sqrt(Math.Pow(u[i] - u[i - 1], 2) + Math.Pow(w[i] - w[i - 1], 2));
        double length = along[^1];
        if (length < MinimumLabelledLength)
            return null;

        var others = occupied.Select(p => ((p.X - rect.Left) / rect.Width, (p.Y - rect.Bottom) / rect.Height)).ToArray();
        // Far enough from the frame that the label's text is not clipped by it.
        const double sideBorder = 0.07, topBorder = 0.06, wantedClearance = 0.07;
        int best = -1;
        double bestScore = double.NegativeInfinity;
        for (int i = 0; i < path.Count; i++)
        {
            bool inside = u[i] > sideBorder && u[i] < 1 - sideBorder && w[i] > topBorder && w[i] < 1 - topBorder;
            if (!inside) continue;
            // Labels are wider than tall: horizontal distance counts for less.
            double clearance = others.Length == 0 ? wantedClearance
                : others.Min(o => Math.Sqrt(Math.Pow((o.Item1 - u[i]) / 2, 2) + Math.Pow(o.Item2 - w[i], 2)));
            double score = Math.Min(clearance, wantedClearance) * 10 - Math.Abs(along[i] - fraction * length) / length;
            if (score > bestScore)
            {
                best = i;
                bestScore = score;
            }
        }
        return best < 0 ? null : new Coordinates(path.Xs[best], path.Ys[best]);
    }
}
