using System.Text.Json.Nodes;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Display;
using LiaisonSite.Core.Recipes;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace Liaison.ContentParts;

/// <summary>
/// Orchard content may carry parts this site has no code for (MenuPart, SeoMetaPart, a module's own part …) and widgets
/// (HtmlWidget, RawHtml …) that Orchard places in a theme's zones through its layers, which this site does not have.
/// Their data stays in the item as it came — nothing here removes or rewrites it, and editing or exporting the item
/// keeps it — but they are not shown, so a save that brings such data says so: in the recipe's report when a recipe
/// saves it, and in the log, naming the item and the parts (or the widget's zone and layer).
/// </summary>
internal sealed class UnknownPartsReporter(
    IContentDefinitionManager definitions, IEnumerable<IContentPartDriver> drivers, RecipeRun run,
    ILogger<UnknownPartsReporter> logger, IStringLocalizer<UnknownPartsReporter> S) : IContentHandler
{
    /// <summary>Orchard's part that places a widget: <c>{"Layer": "Always", "Zone": "Footer", "Position": 10}</c>.</summary>
    public const string LayerMetadata = "LayerMetadata";

    /// <summary>
    /// Parts this module's code reads without a driver of their own: a menu's (and a menu item's) MenuItemsListPart,
    /// which the public navigation shows (<see cref="Menus.PublicMenuViewComponent"/>).
    /// </summary>
    private static readonly string[] s_readWithoutDriver = ["MenuItemsListPart"];

    // A part with a driver is shown even where the type does not list it: Orchard attaches ContainedPart to a list's
    // items without it being one of their type's parts.
    private readonly HashSet<string> _coded = [.. drivers.Select(d => d.PartName), .. s_readWithoutDriver];

    public async Task UpdatingAsync(ContentContext context)
    {
        var item = context.ContentItem;
        var type = await definitions.GetTypeAsync(item.ContentType);
        if (type is null)
        {
            return;
        }

        if (IsWidget(type, item))
        {
            var layer = item.Content[LayerMetadata] as JsonObject;
            var zone = layer?["Zone"]?.ToString() is { Length: > 0 } z ? z : "—";
            var layerName = layer?["Layer"]?.ToString() is { Length: > 0 } l ? l : "—";
            logger.LogWarning("{ContentType} {ContentItemId} ('{DisplayText}') is a widget for zone {Zone}, layer {Layer}; this site has no layers or zones: kept, not shown.",
                item.ContentType, item.ContentItemId, item.DisplayText, zone, layerName);
            run.Note(RecipeNoteKind.Dropped, S[
                "{0} '{1}' ({2}): kept, not shown: no layer/zone. It is a widget Orchard Core places in zone '{3}' through layer '{4}'; this site has neither, so its data is kept as it came but no page shows it.",
                item.ContentType, item.DisplayText, item.ContentItemId, zone, layerName]);
            return;
        }

        var unknown = new List<string>();
        foreach (var (name, value) in item.Content)
        {
            if (value is not JsonObject data || data.Count == 0)
            {
                continue;
            }

            var typePart = type.Parts.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
            if (typePart is null)
            {
                if (!_coded.Contains(name))
                {
                    unknown.Add(name);
                }
            }
            else if (!_coded.Contains(typePart.PartName) && (await definitions.GetPartAsync(typePart.PartName))?.Fields.Count is null or 0)
            {
                unknown.Add(name);
            }
        }

        if (unknown.Count > 0)
        {
            logger.LogWarning("{ContentType} {ContentItemId} ('{DisplayText}') holds parts this site does not show: {Parts}. Their data is kept as it came.",
                item.ContentType, item.ContentItemId, item.DisplayText, string.Join(", ", unknown));
            run.Note(RecipeNoteKind.Dropped, S[
                "{0} '{1}' ({2}): kept, not shown: this site has no code for the parts {3}; their data is kept as it came.",
                item.ContentType, item.DisplayText, item.ContentItemId, string.Join(", ", unknown)]);
        }
    }

    /// <summary>A widget item of its own (Orchard's "Widget" stereotype, or placed by a layer), not one inside a flow or bag.</summary>
    private static bool IsWidget(ContentTypeDefinition type, ContentItem item)
        => string.Equals(type.TypeSettings.Stereotype, "Widget", StringComparison.OrdinalIgnoreCase)
            || item.Content[LayerMetadata] is JsonObject;
}
