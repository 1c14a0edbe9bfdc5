using ScaleSim.Planning;
using ScaleSim.Plotting;

namespace ScaleSim.Cli.Figures;

/// <summary>Lifetime compute against model size at a fixed loss: training, inference, and their sum (Sardana et al. 2024).</summary>
internal static class InferenceFigures
{
    public static string Write(FigureTarget target, InferenceAwarePlanner planner, InferenceAwarePlan plan, string lawName)
    {
        double loss = plan.InferenceAware.Loss, tokens = plan.InferenceAware.InferenceTokens;
        double nMin = LossInversion.MinimumParamsForLoss(planner.Law, loss) * 1.05;
        double nMax = Math.Max(plan.ComputeOptimal.Params, plan.InferenceAware.Params) * 10;
        var curve = planner.CostCurve(loss, tokens, nMin, nMax);
        double[] n = curve.Select(c => c.Params).ToArray();
        var figure = new Figure($"Lifetime FLOPs at loss {loss:F3}, {tokens:0.0e+0} tokens served ({lawName})")
            .WithXAxis("Parameters N (total)", AxisScale.Log)
            .WithYAxis("FLOPs (training 6ND + inference 2N per token)", AxisScale.Log)
            .AddLine(n, curve.Select(c => c.TotalFlops).ToArray(), "training + inference", new SeriesStyle { LineWidth = 2.5f })
            .AddLine(n, curve.Select(c => c.TrainingFlops).ToArray(), "training", new SeriesStyle { Color = FigurePalette.Grey, Dash = LineDash.Dashed });
        if (tokens > 0)
            figure.AddLine(n, curve.Select(c => c.InferenceFlops).ToArray(), "inference", new SeriesStyle { Color = FigurePalette.Purple, Dash = LineDash.Dotted });
        figure.AddHighlight(plan.ComputeOptimal.Params, plan.ComputeOptimal.TotalFlops, $"compute-optimal N = {plan.ComputeOptimal.Params:0.00e+00}", FigurePalette.Green)
            .AddHighlight(plan.InferenceAware.Params, plan.InferenceAware.TotalFlops, $"inference-aware N = {plan.InferenceAware.Params:0.00e+00}", FigurePalette.Vermillion);
        return figure.Save(target.Directory, "inference-total-cost", target.Output).Describe();
    }
}
