using System.Text.Json;
using System.Text.Json.Nodes;

namespace ScaleSim.Training.Tests.Sweeps;

/// <summary>
/// Checks a JSON value against the part of JSON Schema (draft 2020-12) that experiment.schema.json uses: type,
/// properties, required, additionalProperties, items, enum, oneOf, anyOf. Anything else in the schema is refused, so a
/// keyword the generator starts emitting cannot pass unchecked.
/// </summary>
internal static class JsonSchemaValidator
{
    private static readonly HashSet<string> Known =
        ["$schema", "title", "description", "default", "type", "properties", "required", "additionalProperties", "items", "enum", "oneOf", "anyOf"];

    /// <summary>Every violation, as "path: what"; empty when the value conforms.</summary>
    public static List<string> Errors(JsonNode? value, JsonNode schema, string path = "$")
    {
        var errors = new List<string>();
        if (schema is JsonValue v && v.GetValueKind() is JsonValueKind.True) return errors;
        if (schema is JsonValue f && f.GetValueKind() is JsonValueKind.False) return [$"{path}: not allowed"];
        var s = schema.AsObject();
        foreach (var (key, _) in s)
            if (!Known.Contains(key)) throw new NotSupportedException($"schema keyword '{key}' at {path} is not checked by this validator");

        if (s["type"] is { } type)
        {
            var allowed = type is JsonArray many ? many.Select(t => t!.GetValue<string>()).ToList() : [type.GetValue<string>()];
            if (!allowed.Any(t => IsType(value, t))) errors.Add($"{path}: expected {string.Join(" or ", allowed)}, got {Kind(value)}");
        }
        if (s["enum"] is JsonArray options && !options.Any(o => JsonNode.DeepEquals(o, value)))
            errors.Add($"{path}: {value?.ToJsonString()} is not one of {options.ToJsonString()}");
        if (value is JsonObject obj)
        {
            var properties = s["properties"]?.AsObject();
            foreach (var required in s["required"]?.AsArray() ?? [])
                if (!obj.ContainsKey(required!.GetValue<string>())) errors.Add($"{path}: missing {required}");
            foreach (var (name, field) in obj)
            {
                if (properties?[name] is { } fieldSchema) errors.AddRange(Errors(field, fieldSchema, $"{path}.{name}"));
                else if (s["additionalProperties"] is { } extra) errors.AddRange(Errors(field, extra, $"{path}.{name}"));
            }
        }
        if (value is JsonArray array && s["items"] is { } items)
            for (int i = 0; i < array.Count; i++) errors.AddRange(Errors(array[i], items, $"{path}[{i}]"));
        if (s["oneOf"] is JsonArray oneOf)
        {
            int matches = oneOf.Count(branch => Errors(value, branch!, path).Count == 0);
            if (matches != 1) errors.Add($"{path}: matches {matches} of the oneOf branches, not exactly one");
        }
        if (s["anyOf"] is JsonArray anyOf && !anyOf.Any(branch => Errors(value, branch!, path).Count == 0))
            errors.Add($"{path}: matches none of the anyOf branches");
        return errors;
    }

    private static bool IsType(JsonNode? value, string type) => type switch
    {
        "null" => value is null,
        "object" => value is JsonObject,
        "array" => value is JsonArray,
        "string" => value is JsonValue s && s.GetValueKind() == JsonValueKind.String,
        "boolean" => value is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        "number" => value is JsonValue n && n.GetValueKind() == JsonValueKind.Number,
        "integer" => value is JsonValue i && i.GetValueKind() == JsonValueKind.Number && double.IsInteger(i.GetValue<double>()),
        _ => throw new NotSupportedException($"type '{type}'"),
    };

    private static string Kind(JsonNode? value) => value is null ? "null" : value.GetValueKind().ToString().ToLowerInvariant();
}
