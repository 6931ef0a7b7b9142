using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Display;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.ContentTypes.Services;

/// <summary>
/// The content type editor's changes. Each method stages its change through <see cref="IContentDefinitionManager"/>
/// and returns an error message (nothing staged) or null; the caller saves the unit of work once.
/// </summary>
internal sealed partial class ContentTypeEditorService(
    IContentDefinitionManager definitions,
    IEnumerable<IContentPartDriver> partDrivers,
    IEnumerable<IContentFieldDriver> fieldDrivers,
    LiaisonDbContext db,
    IStringLocalizer<ContentTypeEditorService> S)
{
    public IReadOnlyList<string> FieldTypes { get; } = [.. fieldDrivers.Select(d => d.FieldType).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Parts a type can add: the code parts and the defined parts, without the type's own and those it has.</summary>
    public async Task<IReadOnlyList<string>> AvailablePartsAsync(ContentTypeDefinition type)
    {
        // Another type's own part (named like that type) holds that type's fields; sharing it would mix them.
        var typeNames = (await definitions.ListTypesAsync()).Select(t => t.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. partDrivers.Select(d => d.PartName)
            .Concat((await definitions.ListPartsAsync()).Select(p => p.Name))
            .Where(p => !typeNames.Contains(p) && !type.Parts.Any(tp => string.Equals(tp.Name, p, StringComparison.OrdinalIgnoreCase)))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)];
    }

    public Task SaveAsync() => db.SaveChangesAsync();

    public async Task<string?> CreateTypeAsync(string? name, string? displayName)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || !TechnicalName().IsMatch(name))
        {
            return S["The technical name must start with a letter and contain only letters and digits."];
        }

        if (await definitions.GetTypeAsync(name) is not null || partDrivers.Any(d => string.Equals(d.PartName, name, StringComparison.OrdinalIgnoreCase)))
        {
            return S["The technical name '{0}' is already used.", name];
        }

        var type = new ContentTypeDefinition { Name = name, DisplayName = string.IsNullOrWhiteSpace(displayName) ? name : displayName.Trim() };
        type.Settings.SetSettings(new ContentTypeSettings { Creatable = true, Listable = true, Draftable = true, Versionable = true });
        type.Parts.Add(NewTypePart(name, 0));
        if (await definitions.GetPartAsync(name) is null)
        {
            await definitions.StorePartAsync(new ContentPartDefinition { Name = name });
        }

        await definitions.StoreTypeAsync(type);
        return null;
    }

    public async Task<string?> UpdateTypeAsync(ContentTypeDefinition type, string? displayName, ContentTypeSettings flags)
    {
        if (string.IsNullOrWhiteSpace(displayName))
        {
            return S["The display name is required."];
        }

        type.DisplayName = displayName.Trim();
        var settings = type.TypeSettings;
        (settings.Creatable, settings.Listable, settings.Draftable, settings.Versionable, settings.Securable) =
            (flags.Creatable, flags.Listable, flags.Draftable, flags.Versionable, flags.Securable);
        type.Settings.SetSettings(settings);
        await definitions.StoreTypeAsync(type);
        return null;
    }

    public async Task<string?> AddPartAsync(ContentTypeDefinition type, string? partName)
    {
        var available = await AvailablePartsAsync(type);
        var part = available.FirstOrDefault(p => string.Equals(p, partName, StringComparison.OrdinalIgnoreCase));
        if (part is null)
        {
            return S["The part '{0}' cannot be added to this type.", partName ?? ""];
        }

        type.Parts.Add(NewTypePart(part, type.Parts.Count == 0 ? 0 : type.Parts.Max(p => p.Position) + 1));
        await definitions.StoreTypeAsync(type);
        return null;
    }

    public async Task<string?> RemovePartAsync(ContentTypeDefinition type, string partName)
    {
        if (type.Parts.RemoveAll(p => string.Equals(p.Name, partName, StringComparison.OrdinalIgnoreCase)) == 0)
        {
            return S["The type has no part '{0}'.", partName];
        }

        await definitions.StoreTypeAsync(type);
        return null;
    }

    public async Task<string?> MovePartAsync(ContentTypeDefinition type, string partName, bool up)
    {
        var ordered = type.Parts.OrderBy(p => p.Position).ToList();
        if (!Move(ordered, ordered.FindIndex(p => string.Equals(p.Name, partName, StringComparison.OrdinalIgnoreCase)), up))
        {
            return S["The part cannot be moved further."];
        }

        for (var i = 0; i < ordered.Count; i++)
        {
            var settings = ordered[i].Settings.GetSettings<ContentTypePartSettings>();
            settings.Position = i.ToString(CultureInfo.InvariantCulture);
            ordered[i].Settings.SetSettings(settings);
        }

        type.Parts = ordered;
        await definitions.StoreTypeAsync(type);
        return null;
    }

    public async Task<bool> HasItemsAsync(string typeName)
        => await db.ContentItems.AnyAsync(c => c.ContentType == typeName && (c.Latest || c.Published));

    public async Task<string?> DeleteTypeAsync(ContentTypeDefinition type)
    {
        if (await HasItemsAsync(type.Name))
        {
            return S["The type '{0}' cannot be deleted while items of it exist. Delete its items first.", type.DisplayName];
        }

        await definitions.DeleteTypeAsync(type.Name);
        return null;
    }

    internal static bool Move<T>(List<T> list, int index, bool up)
    {
        var target = up ? index - 1 : index + 1;
        if (index < 0 || target < 0 || target >= list.Count)
        {
            return false;
        }

        (list[index], list[target]) = (list[target], list[index]);
        return true;
    }

    private static ContentTypePartDefinition NewTypePart(string partName, int position)
    {
        var typePart = new ContentTypePartDefinition { Name = partName, PartName = partName };
        typePart.Settings.SetSettings(new ContentTypePartSettings { Position = position.ToString(CultureInfo.InvariantCulture) });
        return typePart;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$")]
    internal static partial Regex TechnicalName();
}
