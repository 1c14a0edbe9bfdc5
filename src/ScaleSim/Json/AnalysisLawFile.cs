using System.Text.Json;
using System.Text.Json.Nodes;
using ScaleSim.Analysis;
using ScaleSim.Laws;

namespace ScaleSim.Json;

/// <summary>
/// The law file <c>analyze --out</c> writes: the Approach-3 law in the format of <c>fit --out</c> (so
/// <see cref="LawFile"/> and <c>plan --law FILE</c> read it as a law), plus <c>allocation</c>, each approach's
/// N_opt = G_N·C^a and D_opt = G_D·C^b with its bootstrap resamples (so a plan at any budget gets intervals), and
/// <c>prediction</c>, the analysis' own predictions when it was asked for some.
/// </summary>
public static class AnalysisLawFile
{
    /// <summary>The law file of an analysis.</summary>
    public static JsonObject ToJson(ScalingAnalysisResult r, string paramsConvention)
    {
        var json = FitResultJson.ToLawFile(r.Approach3Fit, r.Approach3Bootstrap, r.Runs.Source, FittedRange.Of(r.Runs.Params, r.Runs.Tokens));
        var allocation = new JsonObject { ["params_convention"] = paramsConvention };
        var predictions = new JsonObject();
        foreach (var (key, estimate) in Approaches(r))
        {
            allocation[key] = estimate is null ? null : Allocation(estimate);
            if (estimate is { Predictions.Count: > 0 })
                predictions[key] = new JsonArray(estimate.Predictions.Select(p => (JsonNode)ScalingAnalysisJson.Prediction(p)).ToArray());
        }
        json["allocation"] = allocation;
        if (predictions.Count > 0) json["prediction"] = predictions;
        return json;
    }

    /// <summary>
    /// The allocation laws of a law file written by <see cref="ToJson"/>, with their resamples, or null when the file has
    /// none (a law from <c>fit --out</c>, or no such file).
    /// </summary>
    public static IReadOnlyList<AllocationEstimate>? ReadAllocations(string path)
    {
        if (!File.Exists(path)) return null;
        JsonNode? node;
        try { node = JsonNode.Parse(File.ReadAllText(path)); }
        catch (JsonException e) { throw new InputException($"{path}: not valid JSON ({e.Message.Split('.')[0]})"); }
        if (node is not JsonObject { } root || root["allocation"] is not JsonObject allocation) return null;
        var estimates = new List<AllocationEstimate>();
        foreach (var key in new[] { "approach1", "approach2", "approach3" })
        {
            if (allocation[key] is not JsonObject a) continue;
            string where = $"{path}: allocation.{key}";
            var estimate = new AllocationEstimate(key[^1..],
                new PowerLaw(Number(a, "G_N", where), Number(a, "a", where)), new PowerLaw(Number(a, "G_D", where), Number(a, "b", where)), []);
            var resamples = a["resamples"] as JsonObject;
            if (key == "approach3")
            {
                var law = LawFile.FromJson(root, path) as ChinchillaLaw ?? throw new InputException($"{path}: allocation.approach3 needs the chinchilla law it came from");
                estimate = estimate with { Law = law };
                if (resamples is not null)
                {
                    var columns = new[] { "E", "A", "B", "alpha", "beta" }.Select(n => Numbers(resamples, n, where)).ToArray();
                    estimate = estimate with
                    {
                        Resamples = Enumerable.Range(0, Count(columns, where))
                            .Select(i => ScalingAnalysis.Approach3Estimate(new ChinchillaLaw(columns[0][i], columns[1][i], columns[2][i], columns[3][i], columns[4][i])))
                            .ToList(),
                    };
                }
            }
            else if (resamples is not null)
            {
                var columns = new[] { "G_N", "a", "G_D", "b" }.Select(n => Numbers(resamples, n, where)).ToArray();
                estimate = estimate with
                {
                    Resamples = Enumerable.Range(0, Count(columns, where))
                        .Select(i => new AllocationEstimate(estimate.Approach, new PowerLaw(columns[0][i], columns[1][i]), new PowerLaw(columns[2][i], columns[3][i]), []))
                        .ToList(),
                };
            }
            estimates.Add(estimate);
        }
        return estimates;
    }

    private static IEnumerable<(string Key, AllocationEstimate? Estimate)> Approaches(ScalingAnalysisResult r) =>
        [("approach1", r.Approach1), ("approach2", r.Approach2), ("approach3", r.Approach3)];

    private static JsonObject Allocation(AllocationEstimate e)
    {
        var resamples = new JsonObject();
        if (e.Law is not null)
        {
            foreach (var (name, pick) in new (string, Func<ChinchillaLaw, double>)[] { ("E", l => l.E), ("A", l => l.A), ("B", l => l.B), ("alpha", l => l.Alpha), ("beta", l => l.Beta) })
                resamples[name] = new JsonArray(e.Resamples.Where(s => s.Law is not null).Select(s => (JsonNode)pick(s.Law!)).ToArray());
        }
        else
        {
            resamples["G_N"] = new JsonArray(e.Resamples.Select(s => (JsonNode)s.ParamsLaw.Coefficient).ToArray());
            resamples["a"] = new JsonArray(e.Resamples.Select(s => (JsonNode)s.A).ToArray());
            resamples["G_D"] = new JsonArray(e.Resamples.Select(s => (JsonNode)s.TokensLaw.Coefficient).ToArray());
            resamples["b"] = new JsonArray(e.Resamples.Select(s => (JsonNode)s.B).ToArray());
        }
        return new JsonObject
        {
            ["G_N"] = e.ParamsLaw.Coefficient,
            ["a"] = e.A,
            ["G_D"] = e.TokensLaw.Coefficient,
            ["b"] = e.B,
            ["resamples"] = resamples,
        };
    }

    private static double Number(JsonObject obj, string name, string where)
    {
        var field = obj[name] ?? throw new InputException($"{where}: field '{name}' missing");
        double v = field.GetValueKind() == JsonValueKind.Number ? field.GetValue<double>() : throw new InputException($"{where}: field '{name}' is not a number");
        if (!double.IsFinite(v)) throw new InputException($"{where}: field '{name}' is not finite");
        return v;
    }

    private static double[] Numbers(JsonObject obj, string name, string where)
    {
        if (obj[name] is not JsonArray array) throw new InputException($"{where}.resamples: field '{name}' is not an array of numbers");
        return array.Select((v, i) => v?.GetValueKind() == JsonValueKind.Number ? v.GetValue<double>() : throw new InputException($"{where}.resamples.{name}[{i}] is not a number")).ToArray();
    }

    private static int Count(double[][] columns, string where) =>
        columns.Select(c => c.Length).Distinct().Count() == 1 ? columns[0].Length : throw new InputException($"{where}.resamples: the columns differ in length");
}
