using System.Text.Json.Nodes;
using ScaleSim.Tasks;
using ScaleSim.Tasks.Classification;
using ScaleSim.Tasks.Curves;

namespace ScaleSim.Json;

/// <summary>
/// One analysed task curve as JSON: <c>task</c>, <c>metric</c>, <c>form</c>, <c>class</c>, <c>params</c> (with
/// <c>params_ci95</c>), <c>threshold</c> or <c>turning_point</c> with their intervals, <c>aicc</c>,
/// <c>extrapolation_error</c> and every candidate form in <c>forms</c>.
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
            ["points"] = r.Curve.Count,
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
        json["aicc"] = JsonValues.Number(chosen.Aicc);
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
            ["extrapolation_error"] = f.ExtrapolationError is { } fe ? JsonValue.Create(fe) : null,
        }).ToArray());
        return json;
    }

    private static JsonObject Parameters(CurveFit fit)
    {
        var json = new JsonObject();
        foreach (var (name, value) in fit.Parameters) json[name] = JsonValues.Number(value);
        return json;
    }
}
