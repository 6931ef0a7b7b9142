using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Display;

namespace Liaison.Publicity.Branches;

/// <summary>
/// A party branch's own public page lists the branch's newest published news, typical examples and (through
/// <see cref="Contracts.IBranchPageList"/>) notices, each with a link to all of them. The driver only places the
/// lists (the display contract is synchronous); the <c>BranchLists</c> view component reads them.
/// </summary>
internal sealed class BranchPagePartDriver : IContentPartDriver
{
    public string PartName => PublicTypes.PartyBranch;

    public DisplayResult? BuildDisplay(PartDisplayContext context)
        => context.DisplayType == "Detail" && context.ContentItem.ContentType == PublicTypes.PartyBranch
            ? new DisplayResult("PartyBranch_Lists", new BranchListsModel(context.ContentItem.ContentItemId), Position: 99)
            : null;

    public DisplayResult? BuildEditor(PartEditorContext context) => null;

    public Task UpdateEditorAsync(PartUpdateContext context) => Task.CompletedTask;
}

public sealed record BranchListsModel(string BranchContentItemId);
