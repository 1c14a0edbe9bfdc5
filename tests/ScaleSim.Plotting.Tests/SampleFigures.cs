using ScaleSim.Plotting;

namespace ScaleSim.Plotting.Tests;

/// <summary>
/// Realistic scaling-law figures built from synthetic data; rendered by the tests and, on request,
/// written out as a gallery to look at (see <see cref="GalleryTests"/>).
/// </summary>
internal static class SampleFigures
{
    // Hoffmann et al. 2022, Approach 3 fit: L(N, D) = E + A / N^alpha + B / D^beta.
    private const double E = 1.69, A = 406.4, B = 410.7, Alpha = 0.34, Beta = 0.28;

    public static double ChinchillaLoss(double n, double d) => E + A / Math.Pow(n, Alpha) + B / Math.Pow(d, Beta);

    public static IReadOnlyDictionary<string, Func<Figure>> All { get; } = new Dictionary<string, Func<Figure>>
    {
        ["loss-vs-compute"] = LossVersusCompute,
        ["optimal-params-wide-range"] = OptimalParametersOverWideRange,
        ["training-curves-colorbar"] = () => TrainingCurves(legendBySize: false),
        ["training-curves-legend"] = () => TrainingCurves(legendBySize: true),
        ["bootstrap-histogram"] = BootstrapHistogram,
        ["loss-contours"] = LossContours,
        ["residuals"] = Residuals,
        ["error-bars"] = ErrorBars,
        ["narrow-log-axes"] = NarrowLogAxes,
        ["isoflop-profiles"] = IsoFlopProfiles,
    };

    public static double[] LogSpace(double from, double to, int count) =>
        Enumerable.Range(0, count).Select(i => Math.Pow(10, Math.Log10(from) + (Math.Log10(to) - Math.Log10(from)) * i / (count - 1))).ToArray();

    private static Figure LossVersusCompute()
    {
        double[] compute = LogSpace(1e18, 1e24, 40);
        double[] fit = compute.Select(c => 1.69 + 1.8e3 * Math.Pow(c, -0.155)).ToArray();
        double[] measuredC = LogSpace(2e18, 5e22, 12);
        var noise = new Random(7);
        double[] measured = measuredC.Select(c => (1.69 + 1.8e3 * Math.Pow(c, -0.155)) * (1 + 0.02 * (noise.NextDouble() - 0.5))).ToArray();
        return new Figure("Final loss against training compute")
            .WithXAxis("Training compute C (FLOPs)", AxisScale.Log)
            .WithYAxis("Final loss L (nats/token)", AxisScale.Log)
            .AddBand(compute, fit.Select(v => v * 0.97).ToArray(), fit.Select(v => v * 1.03).ToArray(), "95% bootstrap interval")
            .AddLine(compute, fit, "Fit L = E + a·C^−b")
            .AddScatter(measuredC, measured, "Measured runs")
            .AddHighlight(5.76e23, 1.69 + 1.8e3 * Math.Pow(5.76e23, -0.155), "Chinchilla 70B");
    }

    private static Figure OptimalParametersOverWideRange()
    {
        double[] compute = LogSpace(1e4, 1e28, 60);
        return new Figure("Compute-optimal model size")
            .WithXAxis("Training compute C (FLOPs)", AxisScale.Log)
            .WithYAxis("Parameters N (total)", AxisScale.Log)
            .AddLine(compute, compute.Select(c => 0.09 * Math.Pow(c, 0.5)).ToArray(), "Chinchilla: N ∝ C^0.50")
            .AddLine(compute, compute.Select(c => 0.3 * Math.Pow(c, 0.73) / 1e3).ToArray(), "Kaplan: N ∝ C^0.73", new SeriesStyle { Dash = LineDash.Dashed })
            .AddHighlight(5.76e23, 7e10, "Chinchilla 70B", side: LabelSide.LowerRight)
            .AddHighlight(5.76e23, 2.8e11, "Gopher 280B", FigurePalette.Purple, LabelSide.UpperLeft);
    }

    private static Figure TrainingCurves(bool legendBySize)
    {
        double[] sizes = [1e6, 4e6, 1.6e7, 6.4e7, 2.5e8, 1e9, 4e9];
        var xs = new List<double[]>();
        var ys = new List<double[]>();
        foreach (double n in sizes)
        {
            double[] tokens = LogSpace(1e7, 20 * n * 10, 50);
            xs.Add(tokens);
            ys.Add(tokens.Select(d => ChinchillaLoss(n, d)).ToArray());
        }
        string[]? labels = legendBySize ? sizes.Select(n => $"N = {TickLabelFormat.Compact(n)}").ToArray() : null;
        return new Figure("Training curves by model size")
            .WithXAxis("Tokens seen D", AxisScale.Log)
            .WithYAxis("Loss (nats/token)", AxisScale.Log)
            .AddSeriesFamily(xs, ys, sizes, "Parameters N", AxisScale.Log, labels);
    }

    private static Figure BootstrapHistogram()
    {
        var random = new Random(42);
        double[] samples = Enumerable.Range(0, 2000)
            .Select(_ => 0.34 + 0.03 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))
            .ToArray();
        double[] sorted = [.. samples.Order()];
        return new Figure("Bootstrap distribution of α")
            .WithXAxis("α (parameter exponent)")
            .WithYAxis("Bootstrap samples")
            .AddHistogram(samples, 40, "2000 bootstrap fits")
            .AddVerticalLine(0.34, "Estimate α = 0.34", new SeriesStyle { Color = FigurePalette.Vermillion, LineWidth = 2 })
            .AddVerticalLine(sorted[50], "95% interval", new SeriesStyle { Color = FigurePalette.Black, Dash = LineDash.Dashed, LineWidth = 1.5f })
            .AddVerticalLine(sorted[1949], style: new SeriesStyle { Color = FigurePalette.Black, Dash = LineDash.Dashed, LineWidth = 1.5f });
    }

    private static Figure LossContours()
    {
        double[] frontierC = LogSpace(1e18, 1e26, 30);
        // Compute-optimal allocation for the fit above with C = 6ND.
        double g = Math.Pow(Alpha * A / (Beta * B), 1 / (Alpha + Beta));
        double[] frontierN = frontierC.Select(c => g * Math.Pow(c / 6, Beta / (Alpha + Beta))).ToArray();
        double[] frontierD = frontierC.Select((c, i) => c / (6 * frontierN[i])).ToArray();
        double[] runsN = [4e7, 7.5e7, 1.5e8, 4e8, 1e9, 2.8e9, 7e10, 2.8e11];
        double[] runsD = [8e9, 2e10, 3e9, 9e9, 2e10, 6e10, 1.4e12, 3e11];
        return new Figure("Loss contours of L(N, D)")
            .WithXAxis("Parameters N", AxisScale.Log)
            .WithYAxis("Training tokens D", AxisScale.Log)
            .AddContours(ChinchillaLoss, 1e7, 1e12, 1e9, 1e13, [1.9, 2.0, 2.1, 2.25, 2.5, 2.75, 3.0, 3.5], "0.00")
            .AddLine(frontierN, frontierD, "Efficient frontier", new SeriesStyle { Color = FigurePalette.Vermillion, LineWidth = 2.5f })
            .AddScatter(runsN, runsD, "Training runs", new SeriesStyle { Color = FigurePalette.Black })
            .AddHighlight(7e10, 1.4e12, "Chinchilla 70B");
    }

    private static Figure Residuals()
    {
        double[] n = LogSpace(1e7, 1e10, 25);
        var random = new Random(3);
        double[] residuals = n.Select(_ => 0.02 * (random.NextDouble() - 0.5)).ToArray();
        return new Figure("Fit residuals")
            .WithXAxis("Parameters N", AxisScale.Log)
            .WithYAxis("Residual log L (observed − fit)")
            .AddScatter(n, residuals, "Runs")
            .AddHorizontalLine(0, "Zero");
    }

    private static Figure ErrorBars()
    {
        double[] n = LogSpace(1e7, 1e10, 8);
        double[] loss = n.Select(v => ChinchillaLoss(v, 20 * v)).ToArray();
        return new Figure("Loss at 20 tokens per parameter, mean ± sd over seeds")
            .WithXAxis("Parameters N", AxisScale.Log)
            .WithYAxis("Loss (nats/token)", AxisScale.Log)
            .AddErrorBars(n, loss, loss.Select(l => 0.04 * l).ToArray(), "3 seeds")
            .AddLine(n, loss, "L(N, 20N)", new SeriesStyle { Color = FigurePalette.Grey, Dash = LineDash.Dotted });
    }

    private static Figure NarrowLogAxes()
    {
        double[] n = LogSpace(1.2e9, 2.5e9, 20);
        return new Figure("Less than a decade on both log axes")
            .WithXAxis("Parameters N", AxisScale.Log)
            .WithYAxis("Loss (nats/token)", AxisScale.Log)
            .AddLineWithMarkers(n, n.Select(v => ChinchillaLoss(v, 2e10)).ToArray(), "D = 2×10¹⁰");
    }

    private static Figure IsoFlopProfiles()
    {
        var figure = new Figure("IsoFLOP profiles")
            .WithXAxis("Parameters N", AxisScale.Log)
            .WithYAxis("Final loss (nats/token)", AxisScale.Log);
        foreach (double c in new[] { 6e18, 1e19, 3e19, 6e19, 1e20, 3e20 })
        {
            double[] n = LogSpace(Math.Sqrt(c / 6) / 8, Math.Sqrt(c / 6) * 4, 9);
            figure.AddLineWithMarkers(n, n.Select(v => ChinchillaLoss(v, c / (6 * v))).ToArray(), $"C = {TickLabelFormat.Compact(c)} FLOPs");
        }
        return figure;
    }
}
