using ScaleSim.Fitting;
using ScaleSim.Laws;
using ScaleSim.Plotting;
using ScaleSim.Runs;

namespace ScaleSim.Cli.Figures;

/// <summary>Figures of a fit: residuals against compute, and the bootstrap distribution of the allocation exponent.</summary>
internal static class FitFigures
{
    /// <summary>Writes the fit's figures into the target; returns a description of each figure's files.</summary>
    public static IReadOnlyList<string> Write(FigureTarget target, FitResult fit, RunTable rows, BootstrapResult? intervals)
    {
        var written = new List<string> { Residuals(fit, rows).Save(target.Directory, "residuals", target.Output).Describe() };
        if (intervals is not null)
        {
            string name = fit.Law is ChinchillaLaw ? "a" : fit.Law.ParameterNames[0];
            written.Add(BootstrapHistogram(intervals, name, fit.Law is ChinchillaLaw ? "a = β/(α+β), the exponent of N_opt on C" : name).Save(target.Directory, $"bootstrap-{name}", target.Output).Describe());
        }
        return written;
    }

    /// <summary>Residuals log L_fit − log L against compute (or the law's own variable).</summary>
    public static Figure Residuals(FitResult fit, RunTable rows)
    {
        double[] x = rows.Flops ?? rows.Params ?? rows.Tokens!;
        string label = rows.Flops is not null ? "Training compute C (FLOPs, 6ND)" : rows.Params is not null ? "Parameters N" : "Tokens D";
        return new Figure($"{fit.Law.Kind} fit residuals ({fit.Points} runs; RMSE {fit.Quality.Rmse:F4}, mean {fit.Quality.MeanResidual:+0.0000;-0.0000;0.0000})")
            .WithXAxis(label, AxisScale.Log)
            .WithYAxis("log L_fit − log L (> 0: the fit lies above the data)")
            .AddHorizontalLine(0)
            .AddScatter(x, fit.Residuals, "runs");
    }

    /// <summary>The bootstrap distribution of one parameter with its estimate and 95% interval.</summary>
    public static Figure BootstrapHistogram(BootstrapResult intervals, string name, string axisLabel)
    {
        var interval = intervals[name];
        return new Figure($"Bootstrap distribution of {name} ({intervals.Resamples} resamples)")
            .WithXAxis(axisLabel)
            .WithYAxis("Resamples")
            .AddHistogram(intervals.Samples[name], 40, "bootstrap")
            .AddVerticalLine(interval.Estimate, $"estimate {interval.Estimate:F3}", new SeriesStyle { Color = FigurePalette.Vermillion, Dash = LineDash.Solid })
            .AddVerticalLine(interval.Low, $"95% interval [{interval.Low:F3}, {interval.High:F3}]", new SeriesStyle { Color = FigurePalette.Grey, Dash = LineDash.Dashed })
            .AddVerticalLine(interval.High, style: new SeriesStyle { Color = FigurePalette.Grey, Dash = LineDash.Dashed });
    }
}
