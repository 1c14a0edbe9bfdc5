using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ScaleSim.Laws;

/// <summary>
/// A law as JSON: <c>{"law": "chinchilla", "E": 1.82, "A": 482, …}</c>, parameters as top-level fields named as in
/// <see cref="ILossLaw.ParameterNames"/>. The output of <c>scalesim fit --out</c> is such a file, so a fitted law is
/// something the planner can read. Other fields (fit diagnostics, intervals) are allowed and ignored on reading.
/// </summary>
public static class LawFile
{
    /// <summary>The law as a JSON object: <c>law</c> then each parameter.</summary>
    public static JsonObject ToJson(ILossLaw law)
    {
        var json = new JsonObject { ["law"] = law.Kind };
        for (int i = 0; i < law.ParameterNames.Count; i++) json[law.ParameterNames[i]] = law.ParameterValues[i];
        foreach (var (name, value) in law.Constants) json[name] = value;
        return json;
    }

    /// <summary>Reads a law from a JSON file; throws <see cref="InputException"/> naming the file and field on error.</summary>
    public static ILossLaw Read(string path)
    {
        if (!File.Exists(path)) throw new InputException($"{path}: law file not found");
        JsonNode? node;
        try { node = JsonNode.Parse(File.ReadAllText(path)); }
        catch (JsonException e) { throw new InputException($"{path}: not valid JSON ({e.Message.Split('.')[0]})"); }
        if (node is not JsonObject obj) throw new InputException($"{path}: expected a JSON object with a 'law' field");
        return FromJson(obj, path);
    }

    /// <summary>Builds a law from a parsed JSON object; <paramref name="source"/> names it in errors.</summary>
    public static ILossLaw FromJson(JsonObject obj, string source)
    {
        string kind = obj["law"]?.GetValue<string>() ?? throw new InputException($"{source}: missing field 'law'");
        double Get(string name)
        {
            var field = obj[name] ?? throw new InputException($"{source}: field '{name}' missing for law '{kind}'");
            double v = field.GetValueKind() switch
            {
                JsonValueKind.Number => field.GetValue<double>(),
                JsonValueKind.String when double.TryParse(field.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) => s,
                _ => throw new InputException($"{source}: field '{name}' is not a number"),
            };
            if (!double.IsFinite(v)) throw new InputException($"{source}: field '{name}' is not finite");
            return v;
        }
        double? Optional(string name) => obj.ContainsKey(name) ? Get(name) : null;

        return kind switch
        {
            ChinchillaLaw.KindName => new ChinchillaLaw(Get("E"), Get("A"), Get("B"), Get("alpha"), Get("beta")),
            KaplanJointLaw.KindName => new KaplanJointLaw(Get("alpha_N"), Get("alpha_D"), Get("N_c"), Get("D_c"), Optional("E")),
            "kaplan-n" => new KaplanPowerLaw(ScaleVariable.Params, Get("N_c"), Get("alpha_N"), Optional("E")),
            "kaplan-d" => new KaplanPowerLaw(ScaleVariable.Tokens, Get("D_c"), Get("alpha_D"), Optional("E")),
            "kaplan-c" => new KaplanPowerLaw(ScaleVariable.Flops, Get("C_c"), Get("alpha_C"), Optional("E")),
            KaplanStepsLaw.KindName => new KaplanStepsLaw(Get("alpha_N"), Get("N_c"), Get("alpha_S"), Get("S_c"),
                Optional("B_star") ?? KaplanStepsLaw.KaplanCriticalBatch, Optional("alpha_B") ?? KaplanStepsLaw.KaplanAlphaB, Optional("E")),
            DataConstrainedLaw.KindName => new DataConstrainedLaw(Get("E"), Get("A"), Get("B"), Get("alpha"), Get("beta"), Get("R_D_star"), Get("R_N_star")),
            FineGrainedMoeLaw.KindName => new FineGrainedMoeLaw(Get("c"), Get("a"), Get("alpha"), Get("b"), Get("beta"), Get("g"), Get("gamma")),
            RoutedLaw.KindName => new RoutedLaw(Get("a"), Get("b"), Get("c"), Get("d")),
            _ => throw new InputException($"{source}: unknown law '{kind}' (known: chinchilla, kaplan-n, kaplan-d, kaplan-nd, kaplan-c, {KaplanStepsLaw.KindName}, {DataConstrainedLaw.KindName}, {FineGrainedMoeLaw.KindName}, {RoutedLaw.KindName})"),
        };
    }

    /// <summary>
    /// The bootstrap resamples of the law in a law file (<c>bootstrap.samples</c>, written by <c>fit --out</c> and
    /// <c>analyze --out</c>) as laws, or null when the file has none (a published law, or an older file).
    /// </summary>
    public static IReadOnlyList<ILossLaw>? ReadResamples(string path)
    {
        if (ReadObject(path) is not { } root || root["bootstrap"]?["samples"] is not JsonObject samples) return null;
        var law = FromJson(root, path);
        var columns = new List<(string Name, JsonArray Values)>();
        foreach (var name in law.ParameterNames)
        {
            if (samples[name] is not JsonArray values) throw new InputException($"{path}: bootstrap.samples.{name} is missing or not an array");
            columns.Add((name, values));
        }
        int count = columns.Count == 0 ? 0 : columns[0].Values.Count;
        if (columns.Any(c => c.Values.Count != count)) throw new InputException($"{path}: the columns of bootstrap.samples differ in length");
        // Each resample is the law's own object with its parameters replaced, so constants (e.g. B_star) carry over.
        var template = new JsonObject { ["law"] = law.Kind };
        foreach (var (name, value) in law.Constants) template[name] = value;
        var laws = new List<ILossLaw>(count);
        for (int i = 0; i < count; i++)
        {
            var obj = template.DeepClone().AsObject();
            foreach (var (name, values) in columns) obj[name] = values[i]?.DeepClone();
            laws.Add(FromJson(obj, $"{path}: bootstrap.samples[{i}]"));
        }
        return laws;
    }

    /// <summary>The span of the runs a law file's law was fitted to (<c>fitted_range</c>), or null when it does not say.</summary>
    public static FittedRange? ReadFittedRange(string path)
    {
        if (ReadObject(path) is not { } root || root["fitted_range"] is not JsonObject range) return null;
        (double Low, double High) Pair(string name)
        {
            if (range[name] is JsonArray { Count: 2 } pair && pair[0]?.GetValueKind() == JsonValueKind.Number && pair[1]?.GetValueKind() == JsonValueKind.Number)
                return (pair[0]!.GetValue<double>(), pair[1]!.GetValue<double>());
            throw new InputException($"{path}: fitted_range.{name} is not a pair of numbers");
        }
        var (n0, n1) = Pair("params");
        var (d0, d1) = Pair("tokens");
        var (r0, r1) = Pair("tokens_per_param");
        return new FittedRange(n0, n1, d0, d1, r0, r1);
    }

    // A law file's root object, or null when the path is a published law's name rather than a file.
    private static JsonObject? ReadObject(string path)
    {
        if (PublishedLaws.Find(path) is not null || !File.Exists(path)) return null;
        JsonNode? node;
        try { node = JsonNode.Parse(File.ReadAllText(path)); }
        catch (JsonException e) { throw new InputException($"{path}: not valid JSON ({e.Message.Split('.')[0]})"); }
        return node as JsonObject ?? throw new InputException($"{path}: expected a JSON object with a 'law' field");
    }

    /// <summary>A published set by name (<c>hoffmann</c>, <c>epoch</c>, <c>kaplan</c>, …) or a law file by path.</summary>
    public static ILossLaw Resolve(string nameOrPath)
    {
        var published = PublishedLaws.Find(nameOrPath);
        if (published is not null) return published.Law;
        if (File.Exists(nameOrPath)) return Read(nameOrPath);
        throw InputException.About($"{InputName.Of("law")} '{nameOrPath}' is neither a published law ({string.Join(", ", PublishedLaws.All.Select(p => p.Name))}) nor an existing JSON file");
    }
}
