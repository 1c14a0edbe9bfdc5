using System.Text.Json.Nodes;
using ScaleSim.Analysis;
using ScaleSim.Flops;
using ScaleSim.Laws;

namespace ScaleSim.Json;

/// <summary>
/// A <see cref="ScalingAnalysisResult"/> as JSON: <c>approach1</c>–<c>approach3</c> (each <c>a</c>, <c>b</c>,
/// <c>ci95</c>, <c>points</c>), <c>E_fit</c>, <c>entropy_floor</c>, <c>fit</c>, <c>backtest</c>, <c>budgets</c>,
/// <c>kaplan</c> and <c>notes</c>.
/// </summary>
public static class ScalingAnalysisJson
{
    /// <summary>The analysis as JSON, saying which parameter convention its N counts.</summary>
    public static JsonObject ToJson(ScalingAnalysisResult r, ParameterConvention convention)
    {
        var law = (ChinchillaLaw)r.Approach3Fit.Law;
        return new JsonObject
        {
            ["source"] = Path.GetFileName(r.Runs.Source),
            ["runs"] = r.Runs.Count,
            ["params_convention"] = convention.Name(),
            ["approach1"] = Estimate(r.Approach1),
            ["approach2"] = r.Approach2 is null ? null : Estimate(r.Approach2),
            ["approach3"] = Estimate(r.Approach3),
            ["E_fit"] = law.E,
            ["entropy_floor"] = r.EntropyFloor,
            ["E_error"] = r.EntropyFloor is { } f ? law.E / f - 1 : null,
            ["fit"] = FitResultJson.ToJson(r.Approach3Fit, r.Approach3Bootstrap, r.Runs.Source),
            ["backtest"] = r.Backtest is not { } b ? null : new JsonObject
            {
                ["flops"] = b.Flops,
                ["predicted_loss"] = b.PredictedLoss,
                ["observed_loss"] = b.ObservedLoss,
                ["loss_error"] = b.LossError,
                ["predicted_params"] = b.PredictedParams,
                ["observed_params"] = b.ObservedParams,
                ["params_ratio"] = b.ParamsRatio,
            },
            ["budgets"] = new JsonArray(r.Parabolas.Select(p => (JsonNode)new JsonObject
            {
                ["flops"] = p.Flops,
                ["optimal_params"] = p.OptimalParams,
                ["minimum_loss"] = p.MinimumLoss,
                ["interior_minimum"] = p.HasInteriorMinimum,
            }).ToArray()),
            ["kaplan"] = new JsonObject
            {
                ["nd"] = r.KaplanJoint is null ? null : LawFile.ToJson(r.KaplanJoint.Law),
                ["c"] = r.KaplanCompute is null ? null : LawFile.ToJson(r.KaplanCompute.Law),
            },
            ["notes"] = new JsonArray(r.Notes.Select(n => (JsonNode)n).ToArray()),
        };
    }

    private static JsonObject Estimate(AllocationEstimate e)
    {
        var ci = new JsonObject();
        if (e.CiA is { } a) ci["a"] = JsonValues.Pair(a.Low, a.High);
        if (e.CiB is { } b) ci["b"] = JsonValues.Pair(b.Low, b.High);
        return new JsonObject { ["a"] = e.A, ["b"] = e.B, ["ci95"] = ci, ["points"] = e.Points.Count };
    }
}
