using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiaisonSite.Core.ContentManagement;

/// <summary>
/// Reads booleans written as JSON booleans or as strings ("True", "false"), because Orchard recipes store
/// settings both ways. Writes plain JSON booleans.
/// </summary>
public sealed class LenientBooleanConverter : JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.String when bool.TryParse(reader.GetString(), out var value) => value,
            JsonTokenType.String when string.IsNullOrWhiteSpace(reader.GetString()) => false,
            JsonTokenType.Number when reader.TryGetInt64(out var number) => number != 0,
            _ => throw new JsonException("Expected a boolean or a boolean string."),
        };

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}
