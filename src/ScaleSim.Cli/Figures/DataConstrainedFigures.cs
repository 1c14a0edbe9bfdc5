using ScaleSim.Planning;
using ScaleSim.Plotting;

namespace ScaleSim.Cli.Figures;

/// <summary>The IsoFLOP profile of a data-constrained plan beside the same budget with unlimited unique data.</summary>
internal static class DataConstrainedFigures
{
    public static string Write(FigureTarget target, DataConstrainedPlanner planner, DataConstrainedPlan plan, string lawName)
    {
        double flops = plan.Plan.Flops;
        double lo = Math.Min(plan.Plan.Params, plan.Unlimited.Params) / 20, hi = Math.Max(plan.Plan.Params, plan.Unlimited.Params) * 20;
        var sizes = Enumerable.Range(0, 121).Select(i => lo * Math.Pow(hi / lo, i / 120.0)).ToArray();
        var constrained = sizes.Select(n => planner.AtParams(flops, n, plan.UniqueTokens).Loss).ToArray();
        var unlimited = sizes.Select(n => planner.Law.Chinchilla.Loss(n, flops / (6 * n))).ToArray();
        return new Figure($"Loss at C = {flops:0.00e+00} (6ND), U = {plan.UniqueTokens:0.0e+0} unique tokens ({lawName})")
            .WithXAxis("Parameters N (total)", AxisScale.Log)
            .WithYAxis("Predicted loss L (nats/token)")
            .AddLine(sizes, unlimited, "unlimited unique data", new SeriesStyle { Color = FigurePalette.Grey, Dash = LineDash.Dashed })
            .AddLine(sizes, constrained, $"U = {plan.UniqueTokens:0.0e+0} unique tokens")
            .AddHighlight(plan.Unlimited.Params, plan.Unlimited.Loss, $"unlimited optimum N = {plan.Unlimited.Params:0.00e+00}", FigurePalette.Green)
            .AddHighlight(plan.Plan.Params, plan.Plan.Loss, $"plan N = {plan.Plan.Params:0.00e+00}, {plan.Epochs:0.0} epochs", FigurePalette.Vermillion)
            .Save(target.Directory, "data-constrained-profile", target.Output).Describe();
    }
}
