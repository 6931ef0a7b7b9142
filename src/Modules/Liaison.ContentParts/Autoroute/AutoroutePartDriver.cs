using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Display;

namespace Liaison.ContentParts.Autoroute;

public sealed record AutoroutePartEditModel(string Prefix, string? Path, bool AllowCustomPath);

/// <summary>The path has no display of its own; the editor shows it and lets it be typed when the type allows.</summary>
internal sealed class AutoroutePartDriver : IContentPartDriver
{
    public string PartName => nameof(AutoroutePart);

    public DisplayResult? BuildDisplay(PartDisplayContext context) => null;

    public DisplayResult? BuildEditor(PartEditorContext context)
        => new("AutoroutePart_Edit", new AutoroutePartEditModel(
            context.Prefix, context.ContentItem.As<AutoroutePart>().Path,
            context.TypePart.Settings.GetSettings<AutoroutePartSettings>().AllowCustomPath));

    public Task UpdateEditorAsync(PartUpdateContext context)
    {
        if (context.TypePart.Settings.GetSettings<AutoroutePartSettings>().AllowCustomPath)
        {
            var part = context.ContentItem.As<AutoroutePart>();
            part.Path = AutoroutePaths.Normalize(context.Form[$"{context.Prefix}.Path"].ToString());
            context.ContentItem.Apply(part);
        }

        return Task.CompletedTask;
    }
}
