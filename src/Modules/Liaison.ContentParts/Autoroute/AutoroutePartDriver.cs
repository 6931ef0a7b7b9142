using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using Liaison.ContentParts.Home;
using LiaisonSite.Core.Display;

namespace Liaison.ContentParts.Autoroute;

/// <param name="ShowHomepageOption">The type offers "set as home page" (Orchard's ShowHomepageOption); the view asks whether the user may.</param>
public sealed record AutoroutePartEditModel(string Prefix, string? Path, bool AllowCustomPath, bool ShowHomepageOption = false, string? ContentItemId = null);

/// <summary>
/// The path has no display of its own; the editor shows it and lets it be typed when the type allows, and offers
/// "set as the site's home page" when the type's ShowHomepageOption is on and the user may choose the home page.
/// </summary>
internal sealed class AutoroutePartDriver(HomepageChoice homepage) : IContentPartDriver
{
    public string PartName => nameof(AutoroutePart);

    public DisplayResult? BuildDisplay(PartDisplayContext context) => null;

    public DisplayResult? BuildEditor(PartEditorContext context)
    {
        var settings = context.TypePart.Settings.GetSettings<AutoroutePartSettings>();
        return new("AutoroutePart_Edit", new AutoroutePartEditModel(
            context.Prefix, context.ContentItem.As<AutoroutePart>().Path, settings.AllowCustomPath,
            settings.ShowHomepageOption, context.ContentItem.ContentItemId));
    }

    public async Task UpdateEditorAsync(PartUpdateContext context)
    {
        var settings = context.TypePart.Settings.GetSettings<AutoroutePartSettings>();
        if (settings.AllowCustomPath)
        {
            var part = context.ContentItem.As<AutoroutePart>();
            part.Path = AutoroutePaths.Normalize(context.Form[$"{context.Prefix}.Path"].ToString());
            context.ContentItem.Apply(part);
        }

        // The tick box is on the form only for those who may choose the home page; its state is what they chose
        // (an unticked box sends nothing, hence the marker). The handler acts when the version is published.
        if (settings.ShowHomepageOption && context.Form.ContainsKey($"{context.Prefix}.{HomepageOffered}") && await homepage.MayChooseAsync())
        {
            var ticked = string.Equals(context.Form[$"{context.Prefix}.{SetHomepageHandler.FlagName}"].ToString(), "true", StringComparison.OrdinalIgnoreCase);
            context.ContentItem.GetOrCreatePart(nameof(AutoroutePart))[SetHomepageHandler.FlagName] = ticked;
        }
    }

    /// <summary>The hidden field that says the home page box was on the form.</summary>
    public const string HomepageOffered = "HomepageOffered";
}
