using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Liaison.ContentTypes.Services;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Display;
using LiaisonSite.Core.Recipes;
using Microsoft.Extensions.Localization;

namespace Liaison.ContentTypes.Recipes;

/// <summary>
/// The "ContentDefinition" step in Orchard's shape: ContentTypes (with ContentTypePartDefinitionRecords) and
/// ContentParts (with ContentPartFieldDefinitionRecords). A type is merged with its stored definition by part name (as
/// Orchard alters types), a part by field name. Settings are stored in the nested shape whatever shape the recipe used.
/// </summary>
internal sealed partial class ContentDefinitionStep(
    IContentDefinitionManager definitions,
    IEnumerable<IContentFieldDriver> fieldDrivers,
    IEnumerable<IContentPartDriver> partDrivers,
    FieldSettingsTypes settingsTypes,
    IStringLocalizer<ContentDefinitionStep> S) : IRecipeStepHandler
{
    public string Name => "ContentDefinition";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var fieldTypes = fieldDrivers.Select(d => d.FieldType).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var definedHere = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var node in context.Step.GetArray("ContentParts"))
        {
            var part = ReadPart(node as JsonObject, fieldTypes);
            await definitions.StorePartAsync(Merge(await definitions.GetPartAsync(part.Name), part));
            definedHere.Add(part.Name);
        }

        foreach (var node in context.Step.GetArray("ContentTypes"))
        {
            var type = ReadType(node as JsonObject);
            foreach (var typePart in type.Parts)
            {
                // Orchard creates a part no one defined (usually the type's own part) as an empty fields part.
                if (!definedHere.Contains(typePart.PartName) && !IsCodePart(typePart.PartName)
                    && await definitions.GetPartAsync(typePart.PartName) is null)
                {
                    await definitions.StorePartAsync(new ContentPartDefinition { Name = typePart.PartName });
                    definedHere.Add(typePart.PartName);
                }
            }

            await definitions.StoreTypeAsync(Merge(await definitions.GetTypeAsync(type.Name), type));
        }
    }

    /// <summary>
    /// As Orchard alters a type: the recipe's parts are added or replace the stored ones of the same name, the stored
    /// parts the recipe does not name are kept, and its settings are laid over the stored ones. So an Orchard recipe
    /// that defines "Page" adds its parts to this site's Page instead of dropping the module's own (its pages survive).
    /// </summary>
    private static ContentTypeDefinition Merge(ContentTypeDefinition? existing, ContentTypeDefinition incoming)
    {
        if (existing is null)
        {
            return incoming;
        }

        var settings = (JsonObject)existing.Settings.DeepClone();
        foreach (var (key, value) in incoming.Settings)
        {
            settings[key] = value is JsonObject section && settings[key] is JsonObject stored ? Overlay(stored, section) : value?.DeepClone();
        }

        var parts = existing.Parts.Where(p => !incoming.Parts.Any(n => string.Equals(n.Name, p.Name, StringComparison.OrdinalIgnoreCase)))
            .Concat(incoming.Parts)
            .ToList();
        return new ContentTypeDefinition { Name = existing.Name, DisplayName = incoming.DisplayName, Settings = settings, Parts = parts };
    }

    private static JsonObject Overlay(JsonObject stored, JsonObject incoming)
    {
        var merged = (JsonObject)stored.DeepClone();
        foreach (var (key, value) in incoming)
        {
            merged[key] = value?.DeepClone();
        }

        return merged;
    }

    private bool IsCodePart(string name) => partDrivers.Any(d => string.Equals(d.PartName, name, StringComparison.OrdinalIgnoreCase));

    private ContentTypeDefinition ReadType(JsonObject? json)
    {
        json ??= [];
        var name = RequireName(json.GetString("Name"), S["A content type has no valid \"Name\" (letters, digits and _, starting with a letter)."]);
        var type = new ContentTypeDefinition
        {
            Name = name,
            DisplayName = json.GetString("DisplayName") is { Length: > 0 } display ? display : name,
            Settings = SettingsNormalizer.Normalize(json.GetProperty("Settings") as JsonObject, typeof(ContentTypeSettings)),
        };
        var records = json.GetArray("ContentTypePartDefinitionRecords");
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i] as JsonObject ?? [];
            var partName = RequireName(record.GetString("PartName"), S["Content type '{0}': part {1} has no valid \"PartName\".", name, i + 1]);
            var typePart = new ContentTypePartDefinition
            {
                PartName = partName,
                Name = record.GetString("Name") is { Length: > 0 } n ? n : partName,
                Settings = SettingsNormalizer.NormalizeTypePart(record.GetProperty("Settings") as JsonObject, partName, typeof(ContentTypePartSettings)),
            };
            EnsurePosition(typePart.Settings, nameof(ContentTypePartSettings), i);
            type.Parts.Add(typePart);
        }

        return type;
    }

    private ContentPartDefinition ReadPart(JsonObject? json, HashSet<string> fieldTypes)
    {
        json ??= [];
        var name = RequireName(json.GetString("Name"), S["A content part has no valid \"Name\" (letters, digits and _, starting with a letter)."]);
        var part = new ContentPartDefinition
        {
            Name = name,
            Settings = SettingsNormalizer.Normalize(json.GetProperty("Settings") as JsonObject, typeof(ContentPartSettings)),
        };
        var records = json.GetArray("ContentPartFieldDefinitionRecords");
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i] as JsonObject ?? [];
            var fieldName = RequireName(record.GetString("Name"), S["Content part '{0}': field {1} has no valid \"Name\".", name, i + 1]);
            var fieldType = record.GetString("FieldName") ?? "";
            if (!fieldTypes.Contains(fieldType))
            {
                throw new RecipeException(S["Content part '{0}', field '{1}': unknown field type '{2}'. Known field types: {3}.",
                    name, fieldName, fieldType, string.Join(", ", fieldTypes.Order(StringComparer.Ordinal))]);
            }

            fieldType = fieldTypes.First(t => string.Equals(t, fieldType, StringComparison.OrdinalIgnoreCase));
            var field = new ContentPartFieldDefinition
            {
                Name = fieldName,
                FieldName = fieldType,
                Settings = SettingsNormalizer.Normalize(
                    record.GetProperty("Settings") as JsonObject, typeof(ContentPartFieldSettings), settingsTypes.For(fieldType)),
            };
            EnsurePosition(field.Settings, nameof(ContentPartFieldSettings), i);
            if (settingsTypes.For(fieldType) is null)
            {
                MoveCommonFieldSettings(field.Settings, fieldType + "Settings");
            }

            part.Fields.Add(field);
        }

        return part;
    }

    /// <summary>The recipe's own part replaces the stored one's fields of the same name and keeps the others.</summary>
    private static ContentPartDefinition Merge(ContentPartDefinition? existing, ContentPartDefinition incoming)
    {
        if (existing is null)
        {
            return incoming;
        }

        var settings = (JsonObject)existing.Settings.DeepClone();
        foreach (var (key, value) in incoming.Settings)
        {
            settings[key] = value?.DeepClone();
        }

        var fields = existing.Fields.Where(f => !incoming.Fields.Any(n => string.Equals(n.Name, f.Name, StringComparison.OrdinalIgnoreCase)))
            .Concat(incoming.Fields)
            .ToList();
        return new ContentPartDefinition { Name = existing.Name, Settings = settings, Fields = fields };
    }

    /// <summary>Without a settings class, flat Hint and Required still belong to the field type's settings (as the editor stores them).</summary>
    private static void MoveCommonFieldSettings(JsonObject settings, string section)
    {
        foreach (var key in settings.Select(p => p.Key).Where(k => k.Equals("Hint", StringComparison.OrdinalIgnoreCase)
            || k.Equals("Required", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            var value = settings[key];
            settings.Remove(key);
            if (settings[section] is not JsonObject values)
            {
                values = [];
                settings[section] = values;
            }

            var required = key.Equals("Required", StringComparison.OrdinalIgnoreCase);
            values[required ? "Required" : "Hint"] = required
                ? JsonValue.Create(string.Equals(value?.ToString(), "true", StringComparison.OrdinalIgnoreCase))
                : value?.DeepClone();
        }
    }

    // Without a position the order of the recipe is kept.
    private static void EnsurePosition(JsonObject settings, string section, int index)
    {
        if (settings[section] is not JsonObject values)
        {
            values = [];
            settings[section] = values;
        }

        values["Position"] ??= JsonValue.Create(index.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string RequireName(string? name, string error)
        => name is not null && TechnicalName().IsMatch(name) ? name : throw new RecipeException(error);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex TechnicalName();
}
