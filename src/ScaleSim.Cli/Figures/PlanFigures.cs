using ScaleSim.Flops;
using ScaleSim.Laws;
using ScaleSim.Planning;
using ScaleSim.Plotting;

namespace ScaleSim.Cli.Figures;

/// <summary>The figure of a plan: the IsoFLOP profile at its budget with the plan and the optimum marked.</summary>
internal static class PlanFigures
{
    public static string Write(FigureTarget target, ComputePlanner planner, Allocation plan, string lawName)
    {
        var profile = planner.Profile(plan.Flops, smallFactor: 0.05, largeFactor: 20, points: 81);
        // The published set says how its N is counted; law files are assumed to count total parameters.
        string convention = (PublishedLaws.Find(lawName)?.ParamsConvention ?? ParameterConvention.Total).Name();
        var figure = new Figure($"IsoFLOP profile at C = {plan.Flops:0.00e+00} FLOPs (6ND) under {lawName}")
            .WithXAxis($"Parameters N ({convention})", AxisScale.Log)
            .WithYAxis("Predicted loss L (nats/token)")
            .AddLine(profile.Points.Select(p => p.Params).ToArray(), profile.Points.Select(p => p.Loss).ToArray(), "L(N, C/6N)")
            .AddHighlight(profile.Optimal.Params, profile.Optimal.Loss, $"optimum N = {profile.Optimal.Params:0.00e+00}", FigurePalette.Vermillion);
        if (Math.Abs(Math.Log(plan.Params / profile.Optimal.Params)) > 1e-6)
            figure.AddHighlight(plan.Params, plan.Loss, $"plan N = {plan.Params:0.00e+00}", FigurePalette.Green);
        return figure.Save(target.Directory, "isoflop-profile", target.Output).Describe();
    }
}
