using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Display;

namespace Liaison.ContentParts.Lists;

public sealed record ListPartDisplayModel(string ListContentItemId, int PageSize, IReadOnlyList<string> ContainedContentTypes);

/// <summary>
/// A list shows its published contained items on its own page, newest first, a page at a time. The display contract is
/// synchronous, so the <c>ContainedItems</c> view component reads the page.
/// </summary>
internal sealed class ListPartDriver : IContentPartDriver
{
    public string PartName => nameof(ListPart);

    public DisplayResult? BuildDisplay(PartDisplayContext context)
    {
        if (context.DisplayType != "Detail")
        {
            return null;
        }

        var settings = context.TypePart.Settings.GetSettings<ListPartSettings>();
        return new DisplayResult("ListPart", new ListPartDisplayModel(
            context.ContentItem.ContentItemId, settings.EffectivePageSize, settings.ContainedContentTypes), Position: 99);
    }

    // What a list contains is edited on the contained items (their ContainedPart), not here.
    public DisplayResult? BuildEditor(PartEditorContext context) => null;

    public Task UpdateEditorAsync(PartUpdateContext context) => Task.CompletedTask;
}

/// <summary>A contained item keeps the list it was put in: the part has no editor of its own (Orchard's neither).</summary>
internal sealed class ContainedPartDriver : IContentPartDriver
{
    public string PartName => nameof(ContainedPart);

    public DisplayResult? BuildDisplay(PartDisplayContext context) => null;

    public DisplayResult? BuildEditor(PartEditorContext context) => null;

    public Task UpdateEditorAsync(PartUpdateContext context) => Task.CompletedTask;
}
