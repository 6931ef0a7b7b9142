using System.Text.Json.Nodes;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Display;

namespace Liaison.ContentParts.Flows;

/// <summary>Orchard's BagPart, named by the type (e.g. "Services"): <c>{"ContentItems": [items]}</c>.</summary>
public sealed class BagPartSettings
{
    public List<string> ContainedContentTypes { get; set; } = [];
}

/// <summary>
/// What a bag or a flow shows: its items in order, each rendered with its own parts and fields. <see cref="Depth"/> is
/// how deep the bag sits in other bags (a bag item may hold a bag); past <see cref="MaxDepth"/> nothing more is shown.
/// </summary>
public sealed record ContainedWidgetsModel(string PartName, string? DisplayName, JsonArray Items, int Depth)
{
    public const int MaxDepth = 5;
}

/// <summary>
/// BagPart and FlowPart keep their items inside the parent's JSON (Orchard's shape); both are shown the same way. The
/// editor leaves the stored items alone, so an edit of the parent never empties them.
/// </summary>
internal abstract class ContainedWidgetsDriver(string partName, string itemsProperty) : IContentPartDriver
{
    public string PartName => partName;

    public DisplayResult? BuildDisplay(PartDisplayContext context)
    {
        if (context.DisplayType == "Summary" || context.ContentItem.Content[context.TypePart.Name]?[itemsProperty] is not JsonArray items
            || items.Count == 0)
        {
            return null;
        }

        var displayName = context.TypePart.Settings.GetSettings<ContentTypePartSettings>().DisplayName;
        return new DisplayResult("ContainedWidgets", new ContainedWidgetsModel(context.TypePart.Name, displayName, items, 0));
    }

    public DisplayResult? BuildEditor(PartEditorContext context) => null;

    public Task UpdateEditorAsync(PartUpdateContext context) => Task.CompletedTask;
}

internal sealed class BagPartDriver() : ContainedWidgetsDriver("BagPart", "ContentItems");

internal sealed class FlowPartDriver() : ContainedWidgetsDriver("FlowPart", "Widgets");
