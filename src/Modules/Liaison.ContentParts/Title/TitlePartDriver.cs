using Liaison.ContentParts.Autoroute;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Display;

namespace Liaison.ContentParts.Title;

public sealed record TitlePartEditModel(string Prefix, string? Title, bool Required, bool ReadOnly);

public sealed record TitlePartSummaryModel(string Title, string? Url);

/// <summary>The page heading comes from the page itself (h1), so the title has no Detail display of its own.</summary>
internal sealed class TitlePartDriver : IContentPartDriver
{
    public string PartName => nameof(TitlePart);

    public DisplayResult? BuildDisplay(PartDisplayContext context)
        => context.DisplayType == "Summary"
            ? new DisplayResult("TitlePart_Summary", new TitlePartSummaryModel(context.ContentItem.DisplayText, context.ContentItem.GetUrlPath()))
            : null;

    public DisplayResult? BuildEditor(PartEditorContext context)
    {
        var settings = context.TypePart.Settings.GetSettings<TitlePartSettings>();
        return settings.Options == TitlePartOptions.GeneratedHidden
            ? null
            : new DisplayResult("TitlePart_Edit", new TitlePartEditModel(
                context.Prefix, context.ContentItem.As<TitlePart>().Title, settings.IsRequired, settings.IsGenerated));
    }

    public Task UpdateEditorAsync(PartUpdateContext context)
    {
        if (!context.TypePart.Settings.GetSettings<TitlePartSettings>().IsGenerated)
        {
            var part = context.ContentItem.As<TitlePart>();
            part.Title = context.Form[$"{context.Prefix}.Title"].ToString().Trim();
            context.ContentItem.Apply(part);
        }

        return Task.CompletedTask;
    }
}
