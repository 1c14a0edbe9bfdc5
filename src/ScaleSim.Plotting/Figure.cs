using System.Text;
using ScottPlot;

namespace ScaleSim.Plotting;

/// <summary>
/// A publication figure built from plain arrays: set a title and axes, add series, save as PNG and SVG.
/// </summary>
/// <remarks>
/// <para>Methods return the figure so calls chain. The figure keeps what was added as data and builds
/// a fresh ScottPlot <see cref="Plot"/> at each render, so axes may be configured before or after the
/// series, and the same figure renders identically every time.</para>
/// <para>Log axes: pass data values as they are; on an axis with <see cref="AxisScale.Log"/> the figure
/// plots log10 of them and labels ticks with the original values (see <see cref="LogAxisTicks"/>).</para>
/// <para>Every text element uses the embedded <see cref="FigureFont"/>, never a system font.</para>
/// <para>Bad arguments (mismatched lengths, non-finite values, non-positive values on a log axis)
/// throw <see cref="ArgumentException"/> when added, or when an axis is switched to log under them.</para>
/// <para>A figure is not meant to be shared between threads while it is being built; separate figures
/// may be built and rendered on many threads at once.</para>
/// </remarks>
public sealed class Figure
{
    private readonly List<IFigureLayer> layers = [];
    private AxisSpec x = new("x");
    private AxisSpec y = new("y");

    /// <summary>Creates an empty figure.</summary>
    /// <param name="title">Title shown above the data area; null or empty for none.</param>
    public Figure(string? title = null)
    {
        Title = title ?? string.Empty;
    }

    /// <summary>Title shown above the data area.</summary>
    public string Title { get; private set; }

    /// <summary>Width in pixels of rendered images.</summary>
    public int Width { get; private set; } = FigureTheme.DefaultWidth;

    /// <summary>Height in pixels of rendered images.</summary>
    public int Height { get; private set; } = FigureTheme.DefaultHeight;

    /// <summary>Where the legend goes.</summary>
    public LegendPlacement Legend { get; private set; } = LegendPlacement.Automatic;

    /// <summary>Sets the title.</summary>
    public Figure WithTitle(string title)
    {
        Title = title ?? string.Empty;
        return this;
    }

    /// <summary>Sets the image size in pixels (default <see cref="FigureTheme.DefaultWidth"/> × <see cref="FigureTheme.DefaultHeight"/>).</summary>
    public Figure WithSize(int width, int height)
    {
        if (width < 100 || height < 100 || width > 10_000 || height > 10_000)
            throw new ArgumentException($"Figure size must be between 100 and 10000 pixels per side, got {width}×{height}.");
        Width = width;
        Height = height;
        return this;
    }

    /// <summary>Configures the x axis.</summary>
    /// <param name="label">Axis label including units, e.g. "Parameters N (total)".</param>
    /// <param name="scale">Linear or logarithmic.</param>
    /// <param name="min">Fixed lower limit in data units; null to fit the data.</param>
    /// <param name="max">Fixed upper limit in data units; null to fit the data.</param>
    public Figure WithXAxis(string label, AxisScale scale = AxisScale.Linear, double? min = null, double? max = null)
    {
        x = Reconfigure("x", label, scale, min, max, candidate => (candidate, y));
        return this;
    }

    /// <summary>Configures the y axis.</summary>
    /// <param name="label">Axis label including units, e.g. "Loss (nats/token)".</param>
    /// <param name="scale">Linear or logarithmic.</param>
    /// <param name="min">Fixed lower limit in data units; null to fit the data.</param>
    /// <param name="max">Fixed upper limit in data units; null to fit the data.</param>
    public Figure WithYAxis(string label, AxisScale scale = AxisScale.Linear, double? min = null, double? max = null)
    {
        y = Reconfigure("y", label, scale, min, max, candidate => (x, candidate));
        return this;
    }

    /// <summary>
    /// Labels the x axis only at <paramref name="positions"/>, with <paramref name="labels"/>: for categories or
    /// steps placed at 1, 2, 3, … that have names rather than values. Minor ticks and grid lines go.
    /// </summary>
    public Figure WithXTicks(double[] positions, string[] labels)
    {
        x.Ticks = ManualTicks(x, positions, labels);
        return this;
    }

    /// <summary>Labels the y axis only at <paramref name="positions"/>, with <paramref name="labels"/> (see <see cref="WithXTicks"/>).</summary>
    public Figure WithYTicks(double[] positions, string[] labels)
    {
        y.Ticks = ManualTicks(y, positions, labels);
        return this;
    }

    /// <summary>Sets where the legend goes (default <see cref="LegendPlacement.Automatic"/>).</summary>
    public Figure WithLegend(LegendPlacement placement)
    {
        Legend = placement;
        return this;
    }

    /// <summary>Adds a line through the points (xs[i], ys[i]).</summary>
    public Figure AddLine(double[] xs, double[] ys, string? label = null, SeriesStyle? style = null) =>
        Add(new SeriesLayer(xs, ys, label, style, SeriesKind.Line));

    /// <summary>Adds the points (xs[i], ys[i]) as markers.</summary>
    public Figure AddScatter(double[] xs, double[] ys, string? label = null, SeriesStyle? style = null) =>
        Add(new SeriesLayer(xs, ys, label, style, SeriesKind.Markers));

    /// <summary>Adds a line through the points with a marker at each.</summary>
    public Figure AddLineWithMarkers(double[] xs, double[] ys, string? label = null, SeriesStyle? style = null) =>
        Add(new SeriesLayer(xs, ys, label, style, SeriesKind.LineAndMarkers));

    /// <summary>
    /// Adds a legend entry only, drawing nothing: one key for an element drawn many times in different colours
    /// (e.g. one parabola per budget). <paramref name="lines"/> and <paramref name="markers"/> choose the swatch.
    /// </summary>
    public Figure AddLegendKey(string label, SeriesStyle? style = null, bool lines = true, bool markers = false) =>
        Add(new LegendKeyLayer(label, style ?? new SeriesStyle(),
            lines && markers ? SeriesKind.LineAndMarkers : markers ? SeriesKind.Markers : SeriesKind.Line));

    /// <summary>Adds markers with vertical error bars from ys[i] − yErrors[i] to ys[i] + yErrors[i].</summary>
    public Figure AddErrorBars(double[] xs, double[] ys, double[] yErrors, string? label = null, SeriesStyle? style = null)
    {
        string what = SeriesArguments.Describe("error bars", label);
        SeriesArguments.RequireData(ys, nameof(ys), what);
        SeriesArguments.RequireData(yErrors, nameof(yErrors), what);
        SeriesArguments.RequireSameLength(ys, nameof(ys), yErrors, nameof(yErrors), what);
        if (yErrors.Any(e => !(e >= 0) || double.IsInfinity(e)))
            throw new ArgumentException($"{what}: errors must be finite and non-negative.", nameof(yErrors));
        return AddIntervals(xs, ys, ys.Zip(yErrors, (y, e) => y - e).ToArray(), ys.Zip(yErrors, (y, e) => y + e).ToArray(), label, style);
    }

    /// <summary>
    /// Adds markers with vertical error bars from lows[i] to highs[i], an interval that need not be symmetric about
    /// its point (a binomial interval near 0 or 1, a bootstrap percentile interval).
    /// </summary>
    public Figure AddIntervals(double[] xs, double[] ys, double[] lows, double[] highs, string? label = null, SeriesStyle? style = null) =>
        Add(new ErrorBarLayer(xs, ys, lows, highs, label, style));

    /// <summary>
    /// Adds a translucent band between <paramref name="lower"/> and <paramref name="upper"/> (e.g. a confidence interval).
    /// Without a colour it takes the colour of the next series added, so a band and its curve match.
    /// </summary>
    public Figure AddBand(double[] xs, double[] lower, double[] upper, string? label = null, Color? color = null) =>
        Add(new BandLayer(xs, lower, upper, label, color));

    /// <summary>Adds an emphasised point with a text label beside it (e.g. "Chinchilla 70B").</summary>
    /// <param name="x">Point x, data units.</param>
    /// <param name="y">Point y, data units.</param>
    /// <param name="label">Text shown beside the point.</param>
    /// <param name="color">Marker colour; default vermillion.</param>
    /// <param name="side">Where the label goes; pick a side when two highlighted points are close.</param>
    public Figure AddHighlight(double x, double y, string label, Color? color = null, LabelSide side = LabelSide.Automatic) =>
        Add(new HighlightLayer(x, y, label, color, side));

    /// <summary>Adds free text centred at (x, y).</summary>
    public Figure AddAnnotation(double x, double y, string text) => Add(new AnnotationLayer(x, y, text));

    /// <summary>
    /// Adds text beside the point (x, y), vertically centred on it: to the right, or to the left when
    /// <paramref name="left"/> is true (null: left only in the right third of the data area).
    /// </summary>
    public Figure AddPointLabel(double x, double y, string text, bool? left = null) => Add(new PointLabelLayer(x, y, text, left));

    /// <summary>Adds a vertical reference line at x (grey and dashed unless styled), named in the legend.</summary>
    public Figure AddVerticalLine(double x, string? label = null, SeriesStyle? style = null) =>
        Add(new ReferenceLineLayer(true, x, label, style));

    /// <summary>Adds a horizontal reference line at y (grey and dashed unless styled), named in the legend.</summary>
    public Figure AddHorizontalLine(double y, string? label = null, SeriesStyle? style = null) =>
        Add(new ReferenceLineLayer(false, y, label, style));

    /// <summary>
    /// Adds a histogram of <paramref name="samples"/> in <paramref name="binCount"/> equal bins (both axes must be linear).
    /// Mark an estimate and its interval with <see cref="AddVerticalLine"/>.
    /// </summary>
    public Figure AddHistogram(double[] samples, int binCount = 30, string? label = null, Color? color = null) =>
        Add(new HistogramLayer(samples, binCount, label, color));

    /// <summary>
    /// Adds a family of lines coloured by a value along a sequential colour map, e.g. training
    /// curves coloured by model size.
    /// </summary>
    /// <param name="xs">One x array per series.</param>
    /// <param name="ys">One y array per series, paired with <paramref name="xs"/>.</param>
    /// <param name="colorValues">The value that orders and colours each series.</param>
    /// <param name="colorLabel">What the colour value is, e.g. "Parameters N"; labels the colour bar.</param>
    /// <param name="colorScale">Whether colours follow the value or its logarithm.</param>
    /// <param name="seriesLabels">
    /// Null for a colour bar; otherwise one legend label per series (e.g. "70M", "1B") and no colour bar.
    /// </param>
    public Figure AddSeriesFamily(IReadOnlyList<double[]> xs, IReadOnlyList<double[]> ys, double[] colorValues,
        string colorLabel, AxisScale colorScale = AxisScale.Log, string[]? seriesLabels = null) =>
        Add(new SeriesFamilyLayer(xs, ys, colorValues, colorLabel, colorScale, seriesLabels));

    /// <summary>
    /// Adds labelled contour lines of <paramref name="function"/>(x, y) over the rectangle
    /// [xMin, xMax] × [yMin, yMax], which then becomes the visible area (unless axis limits are set).
    /// The function is sampled on a grid uniform in plot coordinates (log-spaced on log axes).
    /// </summary>
    /// <param name="function">f(x, y) in data units; non-finite results leave a gap.</param>
    /// <param name="xMin">Left edge of the rectangle, data units.</param>
    /// <param name="xMax">Right edge of the rectangle, data units.</param>
    /// <param name="yMin">Bottom edge of the rectangle, data units.</param>
    /// <param name="yMax">Top edge of the rectangle, data units.</param>
    /// <param name="levels">Function values at which to draw lines.</param>
    /// <param name="levelFormat">.NET format string for the level labels, e.g. "0.00".</param>
    /// <param name="resolution">Grid points per axis.</param>
    /// <param name="levelLabel">What the levels are, with units, e.g. "Loss (nats/token)": labels a colour bar
    /// keyed to the line colours; null for no colour bar.</param>
    public Figure AddContours(Func<double, double, double> function, double xMin, double xMax, double yMin, double yMax,
        double[] levels, string levelFormat = "0.00", int resolution = 160, string? levelLabel = null) =>
        Add(new ContourLayer(function, xMin, xMax, yMin, yMax, levels, levelFormat, resolution, levelLabel));

    /// <summary>
    /// Builds a new ScottPlot plot of this figure, for callers that need something this API lacks.
    /// Text added to it afterwards should be styled with <see cref="FigureFont.Apply"/>.
    /// </summary>
    public Plot ToPlot() => new FigureRenderer(Title, x, y, Legend, layers, Width, Height).Build();

    /// <summary>Renders the figure once and reports where its texts, ticks and legend went (for tests).</summary>
    public FigureLayout MeasureLayout() => FigureLayoutProbe.Measure(ToPlot(), Width, Height);

    /// <summary>Renders the figure as PNG bytes.</summary>
    /// <param name="scale">Resolution multiplier: the image is <paramref name="scale"/> × <see cref="Width"/> by
    /// <paramref name="scale"/> × <see cref="Height"/> pixels and everything in it is scaled alike.</param>
    public byte[] RenderPng(double scale = 1)
    {
        new FigureOutput([FigureFormat.Png], scale).Validate();
        Plot plot = ToPlot();
        plot.ScaleFactor = scale;
        return plot.GetImageBytes(Scaled(Width, scale), Scaled(Height, scale), ImageFormat.Png);
    }

    /// <summary>
    /// Renders the figure as an SVG document. Text stays text (searchable, editable); its font is
    /// named DejaVu Sans with generic fallbacks, since an SVG viewer uses its own fonts.
    /// The same figure gives the same document every time.
    /// </summary>
    public string RenderSvg() =>
        SvgOutput.Finish(ToPlot().GetSvgXml(Width, Height));

    /// <summary>
    /// Renders the figure as a one-page PDF of <see cref="Width"/> × <see cref="Height"/> points, vector throughout,
    /// with the subset of DejaVu Sans it uses embedded. ScottPlot saves no PDF itself; SkiaSharp's PDF backend draws it.
    /// </summary>
    public byte[] RenderPdf() => PdfOutput.Render(ToPlot(), Width, Height);

    /// <summary>
    /// The data drawn, as CSV with the header <c>layer,series,x,y,y_low,y_high</c>: one row per point of each line,
    /// marker, band, bar or contour vertex, in data units at full precision.
    /// </summary>
    public string DataCsv() => FigureCsv.Write(layers.SelectMany(l => l.Data(x, y)));

    /// <summary>
    /// Writes <c>{baseName}.png</c> and <c>{baseName}.svg</c> (or the formats <paramref name="output"/> names) and
    /// <c>{baseName}.csv</c>, the data behind it, into <paramref name="directory"/>, creating it if needed.
    /// </summary>
    /// <returns>The full paths of the files written.</returns>
    public SavedFigure Save(string directory, string baseName, FigureOutput? output = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(baseName);
        if (baseName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || baseName.Contains('/') || baseName.Contains('\\'))
            throw new ArgumentException($"Figure base name '{baseName}' must be a plain file name without directories.", nameof(baseName));
        output ??= FigureOutput.Default;
        output.Validate();

        string fullDirectory = Path.GetFullPath(directory);
        Directory.CreateDirectory(fullDirectory);
        var images = new List<string>();
        foreach (FigureFormat format in output.Formats.Distinct())
        {
            string path = Path.Combine(fullDirectory, baseName + "." + format.ToString().ToLowerInvariant());
            switch (format)
            {
                case FigureFormat.Png: File.WriteAllBytes(path, RenderPng(output.Scale)); break;
                case FigureFormat.Svg: File.WriteAllText(path, RenderSvg(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)); break;
                default: File.WriteAllBytes(path, RenderPdf()); break;
            }
            images.Add(path);
        }
        string csv = Path.Combine(fullDirectory, baseName + ".csv");
        File.WriteAllText(csv, DataCsv(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return new SavedFigure(images, csv);
    }

    private static int Scaled(int pixels, double scale) => (int)Math.Round(pixels * scale);

    private Figure Add(IFigureLayer layer)
    {
        layer.Check(x, y);
        layers.Add(layer);
        return this;
    }

    private static (double, string)[] ManualTicks(AxisSpec axis, double[] positions, string[] labels)
    {
        SeriesArguments.RequireData(positions, nameof(positions), $"{axis.Name} ticks");
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length != positions.Length)
            throw new ArgumentException($"{axis.Name} ticks: got {positions.Length} positions and {labels.Length} labels; they must pair up.", nameof(labels));
        axis.Check(positions, $"{axis.Name} ticks");
        return positions.Select((p, i) => (p, labels[i] ?? string.Empty)).ToArray();
    }

    private AxisSpec Reconfigure(string name, string label, AxisScale scale, double? min, double? max,
        Func<AxisSpec, (AxisSpec X, AxisSpec Y)> axesWith)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (!Enum.IsDefined(scale))
            throw new ArgumentException($"Unknown axis scale {scale}.", nameof(scale));
        AxisSpec current = name == "x" ? x : y;
        var candidate = new AxisSpec(name) { Label = label, Scale = scale, Min = min, Max = max, Ticks = current.Ticks };
        candidate.CheckLimits();
        var (checkX, checkY) = axesWith(candidate);
        foreach (IFigureLayer layer in layers)
            layer.Check(checkX, checkY);
        return candidate;
    }
}
