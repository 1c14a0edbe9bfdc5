using System.Text.Json.Nodes;
using ScaleSim.Analysis;
using ScaleSim.Flops;
using ScaleSim.Laws;

namespace ScaleSim.Json;

/// <summary>
/// A <see cref="ScalingAnalysisResult"/> as JSON: <c>approach1</c>–<c>approach3</c> (each <c>a</c>, <c>b</c>,
/// <c>G_N</c>, <c>G_D</c>, <c>ci95</c>, <c>points</c>, and <c>prediction</c> when asked), <c>E_fit</c>,
/// <c>entropy_floor</c>, <c>fit</c>, <c>backtest</c>, <c>budgets</c>, <c>grouping</c>, <c>approach2_bias</c>,
/// <c>scatter</c>, <c>resampling</c>, <c>seed_noise</c>, <c>kaplan</c>, <c>notes</c> and <c>warnings</c>.
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
            ["approach1"] = Estimate(r.Approach1, null),
            ["approach2"] = r.Approach2 is null ? null : Estimate(r.Approach2, r.Approach2Bias),
            ["approach3"] = Estimate(r.Approach3, null),
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
                ["fitted_flops"] = b.FittedFlops,
                ["extrapolation"] = JsonValues.Number(b.Extrapolation),
                ["ci95"] = BacktestIntervals(b),
            },
            ["budgets"] = new JsonArray(r.Parabolas.Select((p, i) => (JsonNode)new JsonObject
            {
                ["flops"] = p.Flops,
                ["optimal_params"] = p.OptimalParams,
                ["minimum_loss"] = p.MinimumLoss,
                ["interior_minimum"] = p.HasInteriorMinimum,
                ["runs"] = p.Points,
                ["width"] = p.Width,
                ["opens_upward"] = p.OpensUpward,
                ["vertex_inside"] = p.VertexInside,
                ["rmse"] = JsonValues.Number(p.ResidualRmse),
                ["vertex_bias"] = r.Approach2Bias is { } bias ? JsonValues.Number(bias.VertexBias[i]) : null,
            }).ToArray()),
            ["kaplan"] = new JsonObject
            {
                ["nd"] = r.KaplanJoint is null ? null : Kaplan(r.KaplanJoint),
                ["c"] = r.KaplanCompute is null ? null : Kaplan(r.KaplanCompute),
            },
            ["notes"] = new JsonArray(r.Notes.Select(n => (JsonNode)n).ToArray()),
            ["grouping"] = r.Grouping is not { } g ? null : new JsonObject
            {
                ["rule"] = g.Rule,
                ["column"] = g.Column,
                ["tolerance"] = g.Tolerance,
                ["budgets"] = g.Budgets,
                ["profiles"] = g.Profiles,
                ["unassigned_lines"] = new JsonArray(g.UnassignedRows.Select(row => (JsonNode)r.Runs.Lines[row]).ToArray()),
            },
            ["approach2_bias"] = r.Approach2Bias is not { } b2 ? null : new JsonObject
            {
                ["worst_vertex_bias"] = JsonValues.Number(b2.WorstVertexBias),
                ["exponent_bias"] = JsonValues.Number(b2.ExponentBias),
                ["large"] = b2.IsLarge,
            },
            ["scatter"] = r.Scatter,
            ["resampling"] = r.Resampling,
            ["seed_noise"] = new JsonArray(r.SeedNoise.Select(n => (JsonNode)new JsonObject
            {
                ["flops"] = n.Flops,
                ["points"] = n.Points,
                ["seeds"] = n.Seeds,
                ["min_seeds_per_point"] = n.MinSeedsPerPoint,
                ["log_loss_std"] = n.LogLossStd,
            }).ToArray()),
            ["warnings"] = new JsonArray(r.Warnings.Select(w => (JsonNode)w).ToArray()),
        };
    }

    private static JsonObject BacktestIntervals(Backtest b)
    {
        var ci = new JsonObject();
        if (b.CiLossError is { } loss) ci["loss_error"] = JsonValues.Pair(loss.Low, loss.High);
        if (b.CiParamsRatio is { } ratio) ci["params_ratio"] = JsonValues.Pair(ratio.Low, ratio.High);
        return ci;
    }

    private static JsonObject Kaplan(Fitting.FitResult fit)
    {
        var json = LawFile.ToJson(fit.Law);
        json["rmse_log_loss"] = fit.Quality.Rmse;
        return json;
    }

    private static JsonObject Estimate(AllocationEstimate e, Approach2Bias? bias)
    {
        var ci = new JsonObject();
        if (e.CiA is { } a) ci["a"] = JsonValues.Pair(a.Low, a.High);
        if (e.CiB is { } b) ci["b"] = JsonValues.Pair(b.Low, b.High);
        if (e.CiParamsCoefficient is { } gn) ci["G_N"] = JsonValues.Pair(gn.Low, gn.High);
        if (e.CiTokensCoefficient is { } gd) ci["G_D"] = JsonValues.Pair(gd.Low, gd.High);
        var json = new JsonObject
        {
            ["a"] = e.A,
            ["b"] = e.B,
            ["ci95"] = ci,
            ["points"] = e.Points.Count,
            ["G_N"] = e.ParamsLaw.Coefficient,
            ["G_D"] = e.TokensLaw.Coefficient,
            ["residual_rmse_log_params"] = e.ParamsResidualRmse,
        };
        if (e.Predictions.Count > 0) json["prediction"] = new JsonArray(e.Predictions.Select(p => (JsonNode)Prediction(p, bias)).ToArray());
        return json;
    }

    /// <summary>One budget's prediction: <c>flops</c>, <c>params</c>, <c>tokens</c>, <c>loss</c> (when the approach gives one), <c>ci95</c>.</summary>
    public static JsonObject Prediction(AllocationPrediction p, Approach2Bias? bias = null)
    {
        var ci = new JsonObject();
        if (p.ParamsInterval is { } n) ci["params"] = JsonValues.Pair(n.Low, n.High);
        if (p.TokensInterval is { } d) ci["tokens"] = JsonValues.Pair(d.Low, d.High);
        if (p.LossInterval is { } l) ci["loss"] = JsonValues.Pair(l.Low, l.High);
        var json = new JsonObject { ["flops"] = p.Flops, ["params"] = p.Params, ["tokens"] = p.Tokens };
        if (p.Loss is { } loss) json["loss"] = loss;
        json["ci95"] = ci;
        if (bias is not null) json["parabola_bias"] = JsonValues.Number(bias.ParamsBiasAt(p.Flops));
        return json;
    }
}
