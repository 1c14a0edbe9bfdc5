using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScaleSim.Training.Runs;

/// <summary>The JSON conventions of run directories: snake_case names, enums as snake_case strings, indented.</summary>
public static class RunJson
{
    /// <summary>Serializer options for config.json and summary.json.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
