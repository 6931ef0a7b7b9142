using Liaison.ContentParts.HtmlBody;
using Liaison.ContentParts.Sanitizing;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Display;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Liaison.ContentParts.Liquid;

/// <summary>Orchard's LiquidPart: <c>{"LiquidPart": {"Liquid": "…"}}</c>, a body written in Liquid.</summary>
public sealed class LiquidPart : ContentPart
{
    public string? Liquid { get; set; }
}

public sealed record LiquidPartEditModel(string Prefix, string? Liquid);

/// <summary>A Liquid body to render against its item: the <c>LiquidBody</c> view component does (rendering is asynchronous).</summary>
public sealed record LiquidBodyModel(ContentItem ContentItem, string Template);

internal sealed class LiquidPartDriver(IHtmlSanitizerService sanitizer) : IContentPartDriver
{
    public string PartName => nameof(LiquidPart);

    public DisplayResult? BuildDisplay(PartDisplayContext context)
    {
        var template = context.ContentItem.As<LiquidPart>().Liquid;
        if (string.IsNullOrWhiteSpace(template))
        {
            return null;
        }

        // A list shows the template's text without running it (as the HTML body's summary does).
        return context.DisplayType == "Summary"
            ? new("BodyPart_Summary", sanitizer.ToPlainText(template, 160))
            : new("LiquidBody", new LiquidBodyModel(context.ContentItem, template));
    }

    public DisplayResult? BuildEditor(PartEditorContext context)
        => new("LiquidPart_Edit", new LiquidPartEditModel(context.Prefix, context.ContentItem.As<LiquidPart>().Liquid));

    public Task UpdateEditorAsync(PartUpdateContext context)
    {
        var part = context.ContentItem.As<LiquidPart>();
        part.Liquid = context.Form[$"{context.Prefix}.Liquid"].ToString();
        context.ContentItem.Apply(part);
        return Task.CompletedTask;
    }
}

/// <summary>A Liquid body that does not parse is refused where it is saved (editor, API, recipe) with a clear message.</summary>
internal sealed class LiquidPartHandler(IStringLocalizer<LiquidPartHandler> S) : IContentHandler
{
    public Task ValidatingAsync(ValidateContentContext context)
    {
        if (context.ContentItem.Has<LiquidPart>() && context.ContentItem.As<LiquidPart>().Liquid is { Length: > 0 } template
            && !ContentLiquid.IsValid(template))
        {
            context.Errors.Add(new ContentValidationError(S["The Liquid template is not valid."], "LiquidPart.Liquid"));
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// Renders a Liquid body against its item (sandboxed: data only, step and output limits) and sanitizes the result as
/// an HTML body is; a template that fails to render shows nothing.
/// </summary>
public sealed class LiquidBodyViewComponent : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(LiquidBodyModel model)
    {
        var renderer = HttpContext.RequestServices.GetRequiredService<ContentLiquidRenderer>();
        return View("~/Views/Shared/HtmlBodyPart.cshtml", new HtmlBodyDisplayModel(new HtmlString(await renderer.RenderHtmlAsync(model))));
    }
}

/// <summary>The one way a Liquid body becomes safe HTML.</summary>
internal sealed class ContentLiquidRenderer(ContentLiquid liquid, StagedContentLoader loader, IHtmlSanitizerService sanitizer)
{
    public async Task<string> RenderHtmlAsync(LiquidBodyModel model)
        => sanitizer.Sanitize(await liquid.RenderAsync(model.Template, model.ContentItem, loader.LatestAsync) ?? "");
}
