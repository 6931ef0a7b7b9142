using System.Text.Json.Nodes;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using Microsoft.Extensions.Localization;

namespace Liaison.ContentParts.Fields;

/// <summary>
/// A content picker holds only items of the types its settings allow (all listable types when it names none), for
/// the editor, the API and recipes alike; the field driver checks the count, this checks what the ids point at.
/// </summary>
internal sealed class ContentPickerValidationHandler(
    IContentDefinitionManager definitions, PickerLookups lookups, IStringLocalizer<ContentPickerValidationHandler> S) : IContentHandler
{
    public async Task ValidatingAsync(ValidateContentContext context)
    {
        var item = context.ContentItem;
        var type = await definitions.GetTypeAsync(item.ContentType);
        foreach (var typePart in type?.Parts ?? [])
        {
            var part = await definitions.GetPartAsync(typePart.PartName);
            foreach (var field in part?.Fields.Where(f => f.FieldName == nameof(ContentPickerField)) ?? [])
            {
                var ids = (item.GetField(typePart.Name, field.Name)?["ContentItemIds"] as JsonArray ?? [])
                    .Select(id => (id as JsonValue)?.TryGetValue<string>(out var text) == true ? text : null)
                    .OfType<string>()
                    .ToList();
                if (ids.Count == 0)
                {
                    continue;
                }

                var settings = field.Settings.GetSettings<ContentPickerFieldSettings>();
                if ((await lookups.OfOtherTypesAsync(ids, settings.DisplayedContentTypes)).Count > 0)
                {
                    context.Errors.Add(new(S["{0} may only hold items of the types it offers.", field.DisplayName], $"{typePart.Name}.{field.Name}"));
                }
            }
        }
    }
}
