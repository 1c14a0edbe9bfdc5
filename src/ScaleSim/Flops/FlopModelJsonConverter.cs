using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScaleSim.Flops;

/// <summary>Reads and writes an <see cref="IFlopModel"/> as its name (<c>6nd</c>, <c>kaplan</c>, …).</summary>
public sealed class FlopModelJsonConverter : JsonConverter<IFlopModel>
{
    /// <inheritdoc />
    public override IFlopModel Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string name = reader.GetString() ?? throw new JsonException("expected a FLOP model name");
        try { return FlopModels.Parse(name); }
        catch (InputException e) { throw new JsonException(e.Message, e); }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IFlopModel value, JsonSerializerOptions options) => writer.WriteStringValue(value.Name);
}
