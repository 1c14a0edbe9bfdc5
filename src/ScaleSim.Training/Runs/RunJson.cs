using System.Text.Json;
using System.Text.Json.Serialization;
using ScaleSim.Flops;
using ScaleSim.Training.Backends;

namespace ScaleSim.Training.Runs;

/// <summary>The JSON conventions of run directories: snake_case names, enums as snake_case strings, devices and FLOP models by name, indented.</summary>
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
        Converters = { new TrainingDeviceJsonConverter(), new FlopModelJsonConverter(), new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
