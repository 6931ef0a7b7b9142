using Liaison.ContentParts.Liquid;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using Microsoft.Extensions.Localization;

namespace Liaison.ContentParts.Title;

/// <summary>Keeps DisplayText equal to the title and checks the title's rules.</summary>
internal sealed class TitlePartHandler(PartSettingsReader settings, ContentLiquid liquid, IStringLocalizer<TitlePartHandler> S) : IContentHandler
{
    public Task CreatingAsync(ContentContext context) => ApplyAsync(context.ContentItem);

    public Task UpdatingAsync(ContentContext context) => ApplyAsync(context.ContentItem);

    public async Task ValidatingAsync(ValidateContentContext context)
    {
        var typePart = await settings.FindAsync(context.ContentItem.ContentType, nameof(TitlePart));
        if (typePart is null)
        {
            return;
        }

        var partSettings = typePart.Settings.GetSettings<TitlePartSettings>();
        var title = context.ContentItem.As<TitlePart>().Title;
        if (partSettings.IsRequired && string.IsNullOrWhiteSpace(title))
        {
            context.Errors.Add(new ContentValidationError(S["A title is required."], "TitlePart.Title"));
        }
        else if (title?.Length > TitlePart.MaxLength)
        {
            context.Errors.Add(new ContentValidationError(S["The title can have at most {0} characters.", TitlePart.MaxLength], "TitlePart.Title"));
        }
    }

    private async Task ApplyAsync(ContentItem item)
    {
        var typePart = await settings.FindAsync(item.ContentType, nameof(TitlePart));
        if (typePart is null && !item.Has<TitlePart>())
        {
            return;
        }

        // An item that comes without any TitlePart but with a DisplayText (Orchard writes its Menu so) is titled by it.
        // The editor always sends the part, so a title cleared there is still refused below.
        if (!item.Has<TitlePart>() && !string.IsNullOrWhiteSpace(item.DisplayText))
        {
            item.Apply(new TitlePart { Title = item.DisplayText });
        }

        var part = item.As<TitlePart>();
        var partSettings = typePart?.Settings.GetSettings<TitlePartSettings>() ?? new TitlePartSettings();
        if (partSettings.IsGenerated && !string.IsNullOrWhiteSpace(partSettings.Pattern))
        {
            part.Title = await liquid.RenderAsync(partSettings.Pattern, item) ?? part.Title;
            item.Apply(part);
        }

        var title = part.Title?.Trim() ?? "";
        item.DisplayText = title.Length > TitlePart.MaxLength ? title[..TitlePart.MaxLength] : title;
    }
}
