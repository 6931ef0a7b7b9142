using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;

namespace LiaisonSite.Core.Display;

/// <summary>Validates every field of an item against its settings, for the editor and the API alike.</summary>
internal sealed class FieldValidationHandler(IContentDefinitionManager definitions, IEnumerable<IContentFieldDriver> drivers) : IContentHandler
{
    private readonly Dictionary<string, IContentFieldDriver> _drivers = drivers.ToDictionary(d => d.FieldType);

    public async Task ValidatingAsync(ValidateContentContext context)
    {
        var type = await definitions.GetTypeAsync(context.ContentItem.ContentType);
        if (type is null)
        {
            return;
        }

        foreach (var typePart in type.Parts)
        {
            var part = await definitions.GetPartAsync(typePart.PartName);
            foreach (var field in part?.Fields ?? [])
            {
                if (!_drivers.TryGetValue(field.FieldName, out var driver))
                {
                    continue;
                }

                foreach (var message in driver.Validate(context.ContentItem.GetField(typePart.Name, field.Name), field))
                {
                    context.Errors.Add(new ContentValidationError(message, $"{typePart.Name}.{field.Name}"));
                }
            }
        }
    }
}
