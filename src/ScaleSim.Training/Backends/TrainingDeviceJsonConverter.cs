using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScaleSim.Training.Backends;

/// <summary>Reads and writes a <see cref="TrainingDevice"/> by its name (<c>auto</c>, <c>cpu</c>, <c>ilgpu-cpu</c>, …).</summary>
public sealed class TrainingDeviceJsonConverter : JsonConverter<TrainingDevice>
{
    /// <inheritdoc />
    public override TrainingDevice Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string name = reader.GetString() ?? throw new JsonException("expected a device name");
        try { return TrainingDevices.Parse(name); }
        catch (InputException e) { throw new JsonException(e.Message, e); }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TrainingDevice value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToName());
}
