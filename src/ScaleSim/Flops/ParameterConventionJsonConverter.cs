using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScaleSim.Flops;

/// <summary>Reads and writes a <see cref="ParameterConvention"/> as <c>total</c> or <c>non-embedding</c>.</summary>
public sealed class ParameterConventionJsonConverter : JsonConverter<ParameterConvention>
{
    /// <inheritdoc />
    public override ParameterConvention Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string text = reader.GetString() ?? throw new JsonException("expected a parameter convention");
        try { return ParameterConventions.Parse(text); }
        catch (InputException e) { throw new JsonException(e.Message, e); }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ParameterConvention value, JsonSerializerOptions options) => writer.WriteStringValue(value.Name());
}
