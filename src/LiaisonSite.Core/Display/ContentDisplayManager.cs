using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using Microsoft.AspNetCore.Http;

namespace LiaisonSite.Core.Display;

/// <summary>Builds the display or editor of a whole item from its type's parts and fields, in position order.</summary>
public interface IContentDisplayManager
{
    Task<IReadOnlyList<DisplayResult>> BuildDisplayAsync(ContentItem item, string displayType = "Detail");

    Task<IReadOnlyList<DisplayResult>> BuildEditorAsync(ContentItem item);

    /// <summary>Reads the posted editor into the item; returns what the drivers could not read.</summary>
    Task<IReadOnlyList<ContentValidationError>> UpdateEditorAsync(ContentItem item, IFormCollection form);
}

internal sealed class ContentDisplayManager(
    IContentDefinitionManager definitions,
    IEnumerable<IContentPartDriver> partDrivers,
    IEnumerable<IContentFieldDriver> fieldDrivers) : IContentDisplayManager
{
    private readonly Dictionary<string, IContentPartDriver> _partDrivers = partDrivers.ToDictionary(d => d.PartName);
    private readonly Dictionary<string, IContentFieldDriver> _fieldDrivers = fieldDrivers.ToDictionary(d => d.FieldType);

    public async Task<IReadOnlyList<DisplayResult>> BuildDisplayAsync(ContentItem item, string displayType = "Detail")
    {
        var results = new List<DisplayResult>();
        await ForEachAsync(item,
            (driver, typePart, position) => Add(results, driver.BuildDisplay(new PartDisplayContext(item, typePart, displayType)), position),
            (driver, typePart, field, position) => Add(results, driver.BuildDisplay(new FieldDisplayContext(
                item, typePart, field, item.GetField(typePart.Name, field.Name), displayType)), position));
        return [.. results.OrderBy(r => r.Position)];
    }

    public async Task<IReadOnlyList<DisplayResult>> BuildEditorAsync(ContentItem item)
    {
        var results = new List<DisplayResult>();
        await ForEachAsync(item,
            (driver, typePart, position) => Add(results, driver.BuildEditor(new PartEditorContext(item, typePart, typePart.Name)), position),
            (driver, typePart, field, position) => Add(results, driver.BuildEditor(new FieldEditorContext(
                item, typePart, field, item.GetField(typePart.Name, field.Name), $"{typePart.Name}.{field.Name}")), position));
        return [.. results.OrderBy(r => r.Position)];
    }

    public async Task<IReadOnlyList<ContentValidationError>> UpdateEditorAsync(ContentItem item, IFormCollection form)
    {
        var errors = new List<ContentValidationError>();
        var updates = new List<Func<Task>>();
        await ForEachAsync(item,
            (driver, typePart, _) => updates.Add(() => driver.UpdateEditorAsync(new PartUpdateContext(item, typePart, typePart.Name, form, errors))),
            (driver, typePart, field, _) => updates.Add(() => driver.UpdateEditorAsync(new FieldUpdateContext(
                item, typePart, field, item.GetField(typePart.Name, field.Name), $"{typePart.Name}.{field.Name}", form, errors))));
        foreach (var update in updates)
        {
            await update();
        }

        return errors;
    }

    private async Task ForEachAsync(
        ContentItem item,
        Action<IContentPartDriver, ContentTypePartDefinition, int> onPart,
        Action<IContentFieldDriver, ContentTypePartDefinition, ContentPartFieldDefinition, int> onField)
    {
        var type = await definitions.GetTypeAsync(item.ContentType);
        if (type is null)
        {
            return;
        }

        var parts = type.Parts.Select((p, i) => (Part: p, Order: i)).OrderBy(p => p.Part.Position).ThenBy(p => p.Order).ToList();
        for (var p = 0; p < parts.Count; p++)
        {
            var typePart = parts[p].Part;
            var position = p * 100;
            if (_partDrivers.TryGetValue(typePart.PartName, out var partDriver))
            {
                onPart(partDriver, typePart, position);
            }

            var partDefinition = await definitions.GetPartAsync(typePart.PartName);
            if (partDefinition is null)
            {
                continue;
            }

            var fields = partDefinition.Fields.Select((f, i) => (Field: f, Order: i)).OrderBy(f => f.Field.Position).ThenBy(f => f.Order).ToList();
            for (var f = 0; f < fields.Count; f++)
            {
                if (_fieldDrivers.TryGetValue(fields[f].Field.FieldName, out var fieldDriver))
                {
                    onField(fieldDriver, typePart, fields[f].Field, position + f + 1);
                }
            }
        }
    }

    private static void Add(List<DisplayResult> results, DisplayResult? result, int position)
    {
        if (result is not null)
        {
            results.Add(result with { Position = position + result.Position });
        }
    }
}
