using System.Text.Json.Nodes;
using ScaleSim.Fitting;
using ScaleSim.Laws;

namespace ScaleSim.Json;

/// <summary>
/// A fitted law as JSON: the law file <see cref="LawFile"/> reads (law and parameters by name), plus how the fit went
/// (points, objective, convergence, residuals) and, when bootstrapped, <c>ci95</c>, <c>se</c> and <c>bootstrap</c>.
/// </summary>
public static class FitResultJson
{
    /// <summary>The fit as JSON; <paramref name="source"/> is the runs' file, of which only the name is written.</summary>
    public static JsonObject ToJson(FitResult fit, BootstrapResult? intervals, string source)
    {
        var json = LawFile.ToJson(fit.Law);
        json["source"] = Path.GetFileName(source);
        json["points"] = fit.Points;
        json["objective"] = fit.Objective;
        json["converged"] = fit.Converged;
        json["huber_delta"] = fit.HuberDelta;
        json["starts"] = fit.Starts;
        json["starts_converged"] = fit.StartsConverged;
        foreach (var (name, value) in fit.Law.DerivedQuantities()) json[name] = value;
        json["rmse_log_loss"] = fit.Quality.Rmse;
        json["mean_residual_log_loss"] = fit.Quality.MeanResidual;
        json["max_abs_residual_log_loss"] = fit.Quality.MaxAbsResidual;
        if (intervals is not null)
        {
            var ci = new JsonObject();
            var se = new JsonObject();
            foreach (var interval in intervals.Intervals)
            {
                ci[interval.Name] = JsonValues.Pair(interval.Low, interval.High);
                se[interval.Name] = interval.StandardError;
            }
            json["ci95"] = ci;
            json["se"] = se;
            json["bootstrap"] = new JsonObject { ["resamples"] = intervals.Resamples, ["seed"] = intervals.Seed, ["not_converged"] = intervals.NotConverged };
        }
        return json;
    }

    /// <summary>
    /// The law file <c>fit --out</c> and <c>analyze --out</c> write: <see cref="ToJson"/> plus what a planner needs for
    /// intervals and checks, <c>bootstrap.samples</c> (every resample's parameters, by name, in resample order) and
    /// <c>fitted_range</c> (N, D and D/N of the runs fitted), each only when known. Old files without them still read.
    /// </summary>
    public static JsonObject ToLawFile(FitResult fit, BootstrapResult? intervals, string source, FittedRange? range)
    {
        var json = ToJson(fit, intervals, source);
        if (intervals is not null && json["bootstrap"] is JsonObject bootstrap)
        {
            var samples = new JsonObject();
            foreach (var name in fit.Law.ParameterNames)
                if (intervals.Samples.TryGetValue(name, out var column))
                    samples[name] = new JsonArray(column.Select(v => (JsonNode)v).ToArray());
            bootstrap["samples"] = samples;
        }
        if (range is not null)
        {
            json["fitted_range"] = new JsonObject
            {
                ["params"] = JsonValues.Pair(range.MinParams, range.MaxParams),
                ["tokens"] = JsonValues.Pair(range.MinTokens, range.MaxTokens),
                ["tokens_per_param"] = JsonValues.Pair(range.MinTokensPerParam, range.MaxTokensPerParam),
            };
        }
        return json;
    }
}
