using System.Text.Json.Nodes;
using ScaleSim.Tasks;
using ScaleSim.Tasks.Classification;
using ScaleSim.Tasks.Curves;

namespace ScaleSim.Json;

/// <summary>
/// One analysed task curve as JSON: <c>task</c>, <c>metric</c>, <c>direction</c> (higher for a score, lower for a
/// loss), <c>form</c>, <c>class</c>, <c>params</c> (with <c>params_ci95</c>), <c>threshold</c> or
/// <c>turning_point</c> with their intervals, <c>criterion</c> (what chose the form: aicc, bic or extrapolation),
/// <c>aicc</c>, <c>bic</c>, <c>extrapolation_error</c>, every candidate form in <c>forms</c>, and with scales held out
/// <c>holdout</c> (<c>scales</c>, <c>observed</c>, <c>predicted</c>, <c>rmse</c>, <c>rmsle</c>).
/// </summary>
public static class TaskCurveResultJson
{
    /// <summary>The curve's analysis as JSON.</summary>
    public static JsonObject ToJson(TaskCurveResult r)
    {
        var chosen = r.Selection.Chosen;
        var c = r.Classification;
        var json = new JsonObject
        {
            ["task"] = r.Curve.Task,
            ["metric"] = r.Curve.Metric,
            ["direction"] = r.Curve.Direction.Name(),
            ["points"] = r.Data.Count,
            ["chance"] = r.Curve.Chance is { } chance ? JsonValue.Create(chance) : null,
            ["form"] = chosen.Form.Name,
            ["class"] = c.Class.Name(),
            ["params"] = Parameters(chosen.Fit),
        };
        if (r.Bootstrap is { } b)
        {
            var ci = new JsonObject();
            foreach (var interval in b.Intervals) ci[interval.Name] = JsonValues.Interval(interval.Low, interval.High);
            json["params_ci95"] = ci;
        }
        if (c.Class == CurveClass.Emergent && c.Threshold is { } threshold)
        {
            json["threshold"] = threshold;
            if (r.ThresholdInterval is { } ti) json["threshold_ci95"] = JsonValues.Interval(ti.Low, ti.High);
        }
        if (c.Class == CurveClass.UShaped && c.TurningPoint is { } turning)
        {
            json["turning_point"] = turning;
            if (r.TurningPointInterval is { } ui) json["turning_point_ci95"] = JsonValues.Interval(ui.Low, ui.High);
        }
        json["criterion"] = r.Selection.Criterion.Name();
        json["aicc"] = JsonValues.Number(chosen.Aicc);
        json["bic"] = JsonValues.Number(chosen.Bic);
        json["extrapolation_error"] = chosen.ExtrapolationError is { } e ? JsonValue.Create(e) : null;
        json["margin"] = c.Margin;
        json["baseline"] = c.Baseline;
        json["change"] = c.Change;
        json["overdispersion"] = r.Selection.Overdispersion;
        if (r.Bootstrap is { } boot) json["bootstrap"] = new JsonObject { ["resamples"] = boot.Resamples, ["seed"] = boot.Seed };
        json["forms"] = new JsonArray(r.Selection.Candidates.Select(f => (JsonNode)new JsonObject
        {
            ["form"] = f.Form.Name,
            ["params"] = Parameters(f.Fit),
            ["chi_square"] = f.Fit.ChiSquare,
            ["aicc"] = JsonValues.Number(f.Aicc),
            ["bic"] = JsonValues.Number(f.Bic),
            ["extrapolation_error"] = f.ExtrapolationError is { } fe ? JsonValue.Create(fe) : null,
        }).ToArray());
        if (r.Holdout is { } h)
        {
            json["holdout"] = new JsonObject
            {
                ["scales"] = new JsonArray(h.Scales.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
                ["observed"] = new JsonArray(h.Observed.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
                ["predicted"] = new JsonArray(h.Predicted.Select(JsonValues.Number).ToArray()),
                ["rmse"] = JsonValues.Number(h.Rmse),
                ["rmsle"] = JsonValues.Number(h.Rmsle),
            };
        }
        return json;
    }

    private static JsonObject Parameters(CurveFit fit)
    {
        var json = new JsonObject();
        foreach (var (name, value) in fit.Parameters) json[name] = JsonValues.Number(value);
        return json;
    }
}
