using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScaleSim.Training.Data;

/// <summary>Reads and writes a <see cref="DataSourceSpec"/> as its spelling; a bad spec fails with the parse error inside.</summary>
public sealed class DataSourceSpecJsonConverter : JsonConverter<DataSourceSpec>
{
    /// <inheritdoc />
    public override DataSourceSpec Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string text = reader.GetString() ?? throw new JsonException("expected a data spec string");
        try { return DataSourceSpec.Parse(text); }
        catch (InputException e) { throw new JsonException(e.Message, e); }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DataSourceSpec value, JsonSerializerOptions options) => writer.WriteStringValue(value.Text);
}
