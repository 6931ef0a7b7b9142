using Liaison.ContentParts.Sanitizing;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Display;
using Microsoft.Extensions.Localization;

namespace Liaison.ContentParts.Fields;

public sealed class HtmlField
{
    public string? Html { get; set; }
}

public sealed class HtmlFieldSettings : IFieldSettings
{
    public string? Hint { get; set; }

    public bool Required { get; set; }
}

internal sealed class HtmlFieldDriver(IStringLocalizer<HtmlFieldDriver> localizer, IHtmlSanitizerService sanitizer)
    : FieldDriver<HtmlField, HtmlFieldSettings>(localizer)
{
    public override DisplayResult? BuildDisplay(FieldDisplayContext context)
    {
        // Sanitized again on the way out: stored HTML may predate the current sanitizer rules.
        var result = base.BuildDisplay(context);
        if (result?.Model is FieldDisplayModel<HtmlField, HtmlFieldSettings> model)
        {
            model.Field.Html = sanitizer.Sanitize(model.Field.Html);
        }

        return result;
    }

    protected override bool IsEmpty(HtmlField field)
        => string.IsNullOrWhiteSpace(sanitizer.ToPlainText(field.Html))
            && field.Html?.Contains("<img", StringComparison.OrdinalIgnoreCase) != true;

    protected override HtmlField? ReadForm(FieldUpdateContext context, HtmlFieldSettings settings, string label, out string? error)
    {
        error = null;
        var html = sanitizer.Sanitize(context.Form[$"{context.Prefix}.Html"].ToString());
        return new HtmlField { Html = html.Length == 0 ? null : html };
    }
}

/// <summary>Sanitizes HtmlField values on every save, whether they come from the editor, the API or a recipe.</summary>
internal sealed class HtmlFieldHandler(IContentDefinitionManager definitions, IHtmlSanitizerService sanitizer) : IContentHandler
{
    public async Task UpdatingAsync(ContentContext context)
    {
        var item = context.ContentItem;
        var type = await definitions.GetTypeAsync(item.ContentType);
        foreach (var typePart in type?.Parts ?? [])
        {
            var part = await definitions.GetPartAsync(typePart.PartName);
            foreach (var field in part?.Fields.Where(f => f.FieldName == nameof(HtmlField)) ?? [])
            {
                if (item.GetField(typePart.Name, field.Name) is { } value && value["Html"] is System.Text.Json.Nodes.JsonValue html)
                {
                    value["Html"] = sanitizer.Sanitize(html.ToString());
                }
            }
        }
    }
}
