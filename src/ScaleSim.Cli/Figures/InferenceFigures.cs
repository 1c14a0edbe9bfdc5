using ScaleSim.Planning;
using ScaleSim.Plotting;

namespace ScaleSim.Cli.Figures;

/// <summary>Lifetime compute against model size at a fixed loss: training, inference, and their sum (Sardana et al. 2024).</summary>
internal static class InferenceFigures
{
    public static string Write(FigureTarget target, InferenceAwarePlanner planner, InferenceAwarePlan plan, string lawName) =>
        target.Save(Create(planner, plan, lawName), "inference-total-cost");

    /// <summary>Lifetime FLOPs against N at the plan's loss, with both optima (nothing written).</summary>
    public static Figure Create(InferenceAwarePlanner planner, InferenceAwarePlan plan, string lawName)
    {
        double loss = plan.InferenceAware.Loss, tokens = plan.InferenceAware.InferenceTokens;
        double nMin = LossInversion.MinimumParamsForLoss(planner.Law, loss) * 1.05;
        double nMax = Math.Max(plan.ComputeOptimal.Params, plan.InferenceAware.Params) * 10;
        var curve = planner.CostCurve(loss, tokens, nMin, nMax);
        double[] n = curve.Select(c => c.Params).ToArray();
        var figure = new Figure($"Lifetime FLOPs at loss {loss:F3}, {Short(tokens)} tokens served ({lawName})")
            .WithXAxis("Parameters N (total)", AxisScale.Log)
            .WithYAxis("FLOPs (training 6ND + inference 2N per token)", AxisScale.Log)
            .AddLine(n, curve.Select(c => c.TotalFlops).ToArray(), "training + inference", new SeriesStyle { LineWidth = 2.5f })
            .AddLine(n, curve.Select(c => c.TrainingFlops).ToArray(), "training", new SeriesStyle { Color = FigurePalette.Grey, Dash = LineDash.Dashed });
        if (tokens > 0)
            figure.AddLine(n, curve.Select(c => c.InferenceFlops).ToArray(), "inference", new SeriesStyle { Color = FigurePalette.Purple, Dash = LineDash.Dotted });
        // The two optima are named in the legend, not beside their markers: on the steep curve any side label was
        // struck through by a line or covered its own marker.
        figure.AddScatter([plan.ComputeOptimal.Params], [plan.ComputeOptimal.TotalFlops],
                $"compute-optimal N = {Short(plan.ComputeOptimal.Params)}", new SeriesStyle { Color = FigurePalette.Green, MarkerSize = 12 })
            .AddScatter([plan.InferenceAware.Params], [plan.InferenceAware.TotalFlops],
                $"inference-aware N = {Short(plan.InferenceAware.Params)} (least lifetime FLOPs)", new SeriesStyle { Color = FigurePalette.Vermillion, MarkerSize = 12 });
        return figure;
    }

    /// <summary>Three significant digits, as "1.53×10¹⁰".</summary>
    private static string Short(double value)
    {
        if (value <= 0) return "0";
        int exponent = (int)Math.Floor(Math.Log10(value));
        return TickLabelFormat.Scientific(value / Math.Pow(10, exponent), exponent, 2);
    }
}
