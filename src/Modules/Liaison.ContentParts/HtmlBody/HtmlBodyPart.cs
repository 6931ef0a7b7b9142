using Liaison.ContentParts.Sanitizing;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Display;
using Microsoft.AspNetCore.Html;

namespace Liaison.ContentParts.HtmlBody;

public sealed class HtmlBodyPart : ContentPart
{
    public string? Html { get; set; }
}

/// <summary>
/// The type's HtmlBodyPart settings, as Orchard names them. <see cref="SanitizeHtml"/> off is Orchard's way of letting
/// a type's bodies hold Liquid: here the Liquid is then rendered, and its output is sanitized all the same.
/// </summary>
public sealed class HtmlBodyPartSettings
{
    public bool SanitizeHtml { get; set; } = true;

    public bool RendersLiquid => !SanitizeHtml;
}

public sealed record HtmlBodyDisplayModel(IHtmlContent Html);

public sealed record HtmlBodyEditModel(string Prefix, string? Html);

/// <summary>Stored HTML is sanitized on save; it is sanitized again on display in case it was written around the editor.</summary>
internal sealed class HtmlBodyPartHandler(IHtmlSanitizerService sanitizer) : IContentHandler
{
    public Task UpdatingAsync(ContentContext context)
    {
        if (context.ContentItem.Has<HtmlBodyPart>())
        {
            var part = context.ContentItem.As<HtmlBodyPart>();
            part.Html = sanitizer.Sanitize(part.Html);
            context.ContentItem.Apply(part);
        }

        return Task.CompletedTask;
    }
}

internal sealed class HtmlBodyPartDriver(IHtmlSanitizerService sanitizer) : IContentPartDriver
{
    public string PartName => nameof(HtmlBodyPart);

    public DisplayResult? BuildDisplay(PartDisplayContext context)
    {
        var html = context.ContentItem.As<HtmlBodyPart>().Html;
        if (context.DisplayType != "Summary" && html is not null && (html.Contains("{{", StringComparison.Ordinal) || html.Contains("{%", StringComparison.Ordinal))
            && context.TypePart.Settings.GetSettings<HtmlBodyPartSettings>().RendersLiquid)
        {
            return new("LiquidBody", new Liquid.LiquidBodyModel(context.ContentItem, html));
        }

        return context.DisplayType == "Summary"
            ? new("BodyPart_Summary", sanitizer.ToPlainText(html, 160))
            : new("HtmlBodyPart", new HtmlBodyDisplayModel(new HtmlString(sanitizer.Sanitize(html))));
    }

    public DisplayResult? BuildEditor(PartEditorContext context)
        => new("HtmlBodyPart_Edit", new HtmlBodyEditModel(context.Prefix, context.ContentItem.As<HtmlBodyPart>().Html));

    public Task UpdateEditorAsync(PartUpdateContext context)
    {
        var part = context.ContentItem.As<HtmlBodyPart>();
        part.Html = context.Form[$"{context.Prefix}.Html"].ToString();
        context.ContentItem.Apply(part);
        return Task.CompletedTask;
    }
}
