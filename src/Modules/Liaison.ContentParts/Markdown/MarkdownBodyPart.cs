using Liaison.ContentParts.HtmlBody;
using Liaison.ContentParts.Sanitizing;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Display;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace Liaison.ContentParts.Markdown;

public sealed class MarkdownBodyPart : ContentPart
{
    public string? Markdown { get; set; }
}

public sealed record MarkdownBodyEditModel(string Prefix, string? Markdown);

/// <summary>Markdown to safe HTML: Markdig renders (raw HTML in the text included), the sanitizer cleans the result.</summary>
public interface IMarkdownService
{
    string ToHtml(string? markdown);
}

internal sealed class MarkdownService(IHtmlSanitizerService sanitizer) : IMarkdownService
{
    private static readonly MarkdownPipeline s_pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    public string ToHtml(string? markdown)
        => string.IsNullOrWhiteSpace(markdown) ? "" : sanitizer.Sanitize(Markdig.Markdown.ToHtml(markdown, s_pipeline));
}

internal sealed class MarkdownBodyPartDriver(IMarkdownService markdown, IHtmlSanitizerService sanitizer) : IContentPartDriver
{
    public string PartName => nameof(MarkdownBodyPart);

    public DisplayResult? BuildDisplay(PartDisplayContext context)
    {
        var html = markdown.ToHtml(context.ContentItem.As<MarkdownBodyPart>().Markdown);
        return context.DisplayType == "Summary"
            ? new("BodyPart_Summary", sanitizer.ToPlainText(html, 160))
            : new("HtmlBodyPart", new HtmlBodyDisplayModel(new HtmlString(html)));
    }

    public DisplayResult? BuildEditor(PartEditorContext context)
        => new("MarkdownBodyPart_Edit", new MarkdownBodyEditModel(context.Prefix, context.ContentItem.As<MarkdownBodyPart>().Markdown));

    public Task UpdateEditorAsync(PartUpdateContext context)
    {
        var part = context.ContentItem.As<MarkdownBodyPart>();
        part.Markdown = context.Form[$"{context.Prefix}.Markdown"].ToString();
        context.ContentItem.Apply(part);
        return Task.CompletedTask;
    }
}
