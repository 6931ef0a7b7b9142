using System.Globalization;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Display;
using Microsoft.Extensions.Localization;

namespace Liaison.ContentTypes.Services;

/// <summary>
/// Adds, removes and orders the fields of a type's own part (the part named like the type). Like
/// <see cref="ContentTypeEditorService"/>, it stages changes and returns an error message or null.
/// </summary>
internal sealed class ContentFieldEditorService(
    IContentDefinitionManager definitions,
    IEnumerable<IContentFieldDriver> fieldDrivers,
    IStringLocalizer<ContentFieldEditorService> S)
{
    /// <summary>The type's own part, or null when the type has none yet.</summary>
    public async Task<ContentPartDefinition?> OwnPartAsync(ContentTypeDefinition type)
        => type.Parts.Any(p => string.Equals(p.PartName, type.Name, StringComparison.OrdinalIgnoreCase))
            ? await definitions.GetPartAsync(type.Name) ?? new ContentPartDefinition { Name = type.Name }
            : null;

    public async Task<string?> AddFieldAsync(ContentTypeDefinition type, string? name, string? displayName, string? fieldType)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || !ContentTypeEditorService.TechnicalName().IsMatch(name))
        {
            return S["The field name must start with a letter and contain only letters and digits."];
        }

        var driver = fieldDrivers.FirstOrDefault(d => string.Equals(d.FieldType, fieldType, StringComparison.OrdinalIgnoreCase));
        if (driver is null)
        {
            return S["Choose a field type."];
        }

        var part = await OwnPartAsync(type);
        if (part is null)
        {
            // The type gets its own part on first field, as Orchard does.
            part = await definitions.GetPartAsync(type.Name) ?? new ContentPartDefinition { Name = type.Name };
            var typePart = new ContentTypePartDefinition { Name = type.Name, PartName = type.Name };
            typePart.Settings.SetSettings(new ContentTypePartSettings
            {
                Position = (type.Parts.Count == 0 ? 0 : type.Parts.Max(p => p.Position) + 1).ToString(CultureInfo.InvariantCulture),
            });
            type.Parts.Add(typePart);
            await definitions.StoreTypeAsync(type);
        }

        if (part.Fields.Any(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            return S["The type already has a field named '{0}'.", name];
        }

        var field = new ContentPartFieldDefinition { Name = name, FieldName = driver.FieldType };
        field.Settings.SetSettings(new ContentPartFieldSettings
        {
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? name : displayName.Trim(),
            Position = (part.Fields.Count == 0 ? 0 : part.Fields.Max(f => f.Position) + 1).ToString(CultureInfo.InvariantCulture),
        });
        part.Fields.Add(field);
        await definitions.StorePartAsync(part);
        return null;
    }

    public async Task<string?> RemoveFieldAsync(ContentTypeDefinition type, string fieldName)
    {
        var part = await OwnPartAsync(type);
        if (part is null || part.Fields.RemoveAll(f => string.Equals(f.Name, fieldName, StringComparison.OrdinalIgnoreCase)) == 0)
        {
            return S["The type has no field '{0}'.", fieldName];
        }

        await definitions.StorePartAsync(part);
        return null;
    }

    public async Task<string?> MoveFieldAsync(ContentTypeDefinition type, string fieldName, bool up)
    {
        var part = await OwnPartAsync(type);
        var ordered = part?.Fields.OrderBy(f => f.Position).ToList() ?? [];
        if (part is null || !ContentTypeEditorService.Move(ordered, ordered.FindIndex(f => string.Equals(f.Name, fieldName, StringComparison.OrdinalIgnoreCase)), up))
        {
            return S["The field cannot be moved further."];
        }

        for (var i = 0; i < ordered.Count; i++)
        {
            var settings = ordered[i].FieldSettings;
            settings.Position = i.ToString(CultureInfo.InvariantCulture);
            ordered[i].Settings.SetSettings(settings);
        }

        part.Fields = ordered;
        await definitions.StorePartAsync(part);
        return null;
    }
}
