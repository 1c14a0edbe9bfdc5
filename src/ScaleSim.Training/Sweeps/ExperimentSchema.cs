using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ScaleSim.Flops;
using ScaleSim.Training.Data;

namespace ScaleSim.Training.Sweeps;

/// <summary>
/// The JSON Schema (draft 2020-12) of experiment.json, generated from the definition types with the serializer options
/// <see cref="ExperimentDefinition.Parse"/> reads them with: one branch per kind (<see cref="IsoFlopExperiment"/> with
/// <c>budgets</c>, <see cref="SizeSweepExperiment"/> with <c>widths</c> and <c>tokens_per_run</c> or <c>tokens_per_param</c>), every field with its
/// type, its default and, given the assembly's XML documentation, its description. The schema says what a file may
/// contain; <see cref="ExperimentDefinition.Validate"/> still checks the values (a parabola needs three sizes, …).
/// </summary>
public static partial class ExperimentSchema
{
    /// <summary>The schema; <paramref name="documentation"/> (ScaleSim.Training.xml) supplies the descriptions.</summary>
    public static JsonObject Generate(XDocument? documentation = null)
    {
        var summaries = documentation is null ? new Dictionary<string, string>() : Summaries(documentation);
        return new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = "ScaleSim experiment",
            ["description"] = "An experiment file (experiments/NAME/experiment.json) for scalesim simulate and scalesim sweep. " +
                "It has no kind field: budgets make an IsoFLOP experiment, widths with tokens_per_run or one tokens_per_param a size sweep, widths with tokens or a list of tokens_per_param a training grid, budgets with kaplan_protocol a Kaplan-to-Chinchilla ladder. Comments (//) are allowed.",
            ["oneOf"] = new JsonArray(
                Kind(new IsoFlopExperiment { Name = "" }, "IsoFLOP experiment", ["name", "budgets"], summaries),
                Kind(new SizeSweepExperiment { Name = "" }, "size sweep", ["name", "widths"], summaries),
                TrainingGrid(summaries),
                Kind(new ProtocolLadderExperiment { Name = "" }, "Kaplan-to-Chinchilla ladder", ["name", "budgets", "kaplan_protocol"], summaries)),
        };
    }

    // A grid gives tokens, tokens_per_param or both (ExperimentDefinition.KindOf).
    private static JsonObject TrainingGrid(Dictionary<string, string> summaries)
    {
        var grid = Kind(new TrainingGridExperiment { Name = "" }, "training grid", ["name", "widths"], summaries);
        grid["anyOf"] = new JsonArray(new JsonObject { ["required"] = new JsonArray("tokens") }, new JsonObject { ["required"] = new JsonArray("tokens_per_param") });
        return grid;
    }

    // The file has no kind field (ExperimentDefinition.KindOf): the fields that decide the kind are required here, so a
    // file matches exactly one branch.
    private static JsonObject Kind(ExperimentDefinition defaults, string title, string[] required, Dictionary<string, string> summaries)
    {
        var options = new JsonSerializerOptions(ExperimentDefinition.SerializerOptions)
        {
            RespectNullableAnnotations = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        var exporter = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, schema) => Describe(context, schema, summaries),
        };
        var schema = (JsonObject)options.GetJsonSchemaAsNode(defaults.GetType(), exporter);
        var typed = new JsonObject { ["title"] = title };
        if (summaries.TryGetValue("T:" + defaults.GetType().FullName, out var summary)) typed["description"] = summary;
        // The fields every kind shares first, in the order ExperimentDefinition declares them, then those of any base
        // between it and the kind (BudgetedExperiment's), then the kind's own.
        var shared = typeof(ExperimentDefinition).GetProperties().Select(p => JsonName(p.Name)).ToList();
        var bases = new List<Type>();
        for (var t = defaults.GetType().BaseType; t is not null && t != typeof(ExperimentDefinition); t = t.BaseType) bases.Insert(0, t);
        shared.AddRange(bases.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)).Select(p => JsonName(p.Name)));
        foreach (var (key, value) in schema)
        {
            typed[key] = key == "properties"
                ? new JsonObject(value!.AsObject().OrderBy(p => shared.IndexOf(p.Key) is var i and >= 0 ? i : shared.Count)
                    .Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())))
                : value?.DeepClone();
        }
        typed["required"] = new JsonArray(required.Select(r => (JsonNode)r).ToArray());
        AddDefaults(typed, JsonSerializer.SerializeToNode(defaults, defaults.GetType(), ExperimentDefinition.SerializerOptions)!.AsObject(), required);
        return typed;
    }

    private static JsonNode Describe(JsonSchemaExporterContext context, JsonNode schema, Dictionary<string, string> summaries)
    {
        var type = context.TypeInfo.Type;
        // Types read through converters export as "anything"; in the file they are strings.
        if (type == typeof(IFlopModel))
            schema = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(FlopModels.All.Select(m => (JsonNode)m.Name).ToArray()) };
        else if (type == typeof(DataSourceSpec))
            schema = new JsonObject { ["type"] = "string" };
        if (schema is JsonObject obj && context.PropertyInfo?.AttributeProvider is PropertyInfo property
            && summaries.TryGetValue($"P:{property.DeclaringType!.FullName}.{property.Name}", out var summary))
        {
            obj.Insert(0, "description", summary);
        }
        return schema;
    }

    /// <summary>Writes each optional field's default (the value a new definition has) into its schema, nested objects too.</summary>
    private static void AddDefaults(JsonObject schema, JsonObject defaults, IReadOnlyCollection<string> required)
    {
        if (schema["properties"] is not JsonObject properties) return;
        foreach (var (name, property) in properties)
        {
            if (property is not JsonObject field || required.Contains(name) || defaults[name] is not { } value) continue;
            if (value is JsonObject nested) AddDefaults(field, nested, []);
            field["default"] = value.DeepClone();
        }
    }

    /// <summary>The one-paragraph summary of every documented member, keyed as the XML documentation keys them.</summary>
    private static Dictionary<string, string> Summaries(XDocument documentation) =>
        documentation.Descendants("member")
            .Where(m => m.Attribute("name") is not null && m.Element("summary") is not null)
            .ToDictionary(m => m.Attribute("name")!.Value, m => Plain(m.Element("summary")!));

    private static string Plain(XElement summary)
    {
        // <see cref="T:A.B.C"/> reads as C, <c>x</c> and <paramref name="x"/> as x.
        var text = string.Concat(summary.Nodes().Select(node => node switch
        {
            XText t => t.Value,
            // A property is named as the file spells it.
            XElement { Name.LocalName: "see" or "seealso" } e when (string?)e.Attribute("cref") is { } cref =>
                cref.StartsWith("P:", StringComparison.Ordinal) ? JsonName(cref[(cref.LastIndexOf('.') + 1)..]) : cref[(cref.LastIndexOf('.') + 1)..],
            XElement { Name.LocalName: "see" or "seealso" } e => (string?)e.Attribute("langword") ?? e.Value,
            XElement { Name.LocalName: "paramref" or "typeparamref" } e => (string?)e.Attribute("name") ?? "",
            XElement e => e.Value,
            _ => "",
        }));
        return Whitespace().Replace(text, " ").Trim();
    }

    private static string JsonName(string property) => ExperimentDefinition.SerializerOptions.PropertyNamingPolicy!.ConvertName(property);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
