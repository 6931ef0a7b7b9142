using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using Microsoft.Extensions.Localization;

namespace Liaison.ContentTypes.Services;

/// <summary>
/// A generic editor for a field type's own settings (<c>TextFieldSettings</c>, …): one input per property of the
/// settings class, read back with type checks and stored in the nested settings shape.
/// Field types without a settings class get Hint and Required.
/// </summary>
internal sealed class FieldSettingsEditor(FieldSettingsTypes settingsTypes, IStringLocalizer<FieldSettingsEditor> S)
{
    public IReadOnlyList<FieldSettingInput> Describe(ContentPartFieldDefinition field)
    {
        var stored = field.Settings[SectionName(field)] as JsonObject ?? [];
        return [.. Properties(field).Select(p => new FieldSettingInput(p.Name, Kind(p.Type), Text(stored[p.Name], p.Type), Choices(p.Type)))];
    }

    /// <summary>Validates and applies the posted values; returns the errors (nothing applied when there are any).</summary>
    public IReadOnlyList<string> Apply(ContentPartFieldDefinition field, string? displayName, IReadOnlyDictionary<string, string?> posted)
    {
        var errors = new List<string>();
        var section = new JsonObject();
        foreach (var (name, type) in Properties(field))
        {
            posted.TryGetValue(name, out var raw);
            raw = raw?.Trim();
            var kind = Kind(type);
            try
            {
                section[name] = kind switch
                {
                    FieldSettingKind.Boolean => JsonValue.Create(string.Equals(raw, "true", StringComparison.OrdinalIgnoreCase)),
                    _ when string.IsNullOrEmpty(raw) => null,
                    FieldSettingKind.Number => decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                        ? JsonValue.Create(number)
                        : throw new FormatException(S["{0}: '{1}' is not a number.", name, raw]),
                    FieldSettingKind.Choice => Choices(type).Contains(raw)
                        ? JsonSerializer.SerializeToNode(Enum.Parse(Nullable.GetUnderlyingType(type) ?? type, raw), type, ContentItemExtensions.SerializerOptions)
                        : throw new FormatException(S["{0}: '{1}' is not one of the choices.", name, raw]),
                    FieldSettingKind.Json => JsonNode.Parse(raw),
                    _ => JsonValue.Create(raw),
                };
            }
            catch (Exception e) when (e is FormatException or JsonException)
            {
                errors.Add(e is FormatException ? e.Message : S["{0}: the value is not valid JSON.", name]);
            }
        }

        if (settingsTypes.For(field.FieldName) is { } settingsClass && errors.Count == 0)
        {
            try
            {
                // Round trip through the class: what is stored is exactly what the field type can read.
                var typed = section.Deserialize(settingsClass, ContentItemExtensions.SerializerOptions);
                section = JsonSerializer.SerializeToNode(typed, settingsClass, ContentItemExtensions.SerializerOptions) as JsonObject ?? section;
            }
            catch (JsonException)
            {
                errors.Add(S["The settings do not fit the field type {0}.", field.FieldName]);
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var common = field.FieldSettings;
        common.DisplayName = string.IsNullOrWhiteSpace(displayName) ? field.Name : displayName.Trim();
        field.Settings.SetSettings(common);
        field.Settings[SectionName(field)] = section;
        return errors;
    }

    private static string SectionName(ContentPartFieldDefinition field) => field.FieldName + "Settings";

    private IEnumerable<(string Name, Type Type)> Properties(ContentPartFieldDefinition field)
        => settingsTypes.For(field.FieldName) is { } settingsClass
            ? settingsClass.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => (p.Name, p.PropertyType))
            : [("Hint", typeof(string)), ("Required", typeof(bool))];

    private static FieldSettingKind Kind(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(bool) ? FieldSettingKind.Boolean
            : type == typeof(string) ? FieldSettingKind.Text
            : type.IsEnum ? FieldSettingKind.Choice
            : type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(decimal) || type == typeof(float)
                ? FieldSettingKind.Number
                : FieldSettingKind.Json;
    }

    private static IReadOnlyList<string> Choices(Type type)
        => (Nullable.GetUnderlyingType(type) ?? type) is { IsEnum: true } e ? Enum.GetNames(e) : [];

    private static string? Text(JsonNode? node, Type type) => node switch
    {
        null => null,
        JsonValue v when (Nullable.GetUnderlyingType(type) ?? type).IsEnum && v.TryGetValue<int>(out var n)
            => Enum.GetName(Nullable.GetUnderlyingType(type) ?? type, n),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
