using System.Text.Json.Nodes;
using LiaisonSite.Core.ContentManagement;

namespace Liaison.Publicity.Data;

/// <summary>Maps the published version of a BranchNews or TypicalExample to the branches of its Branch field.</summary>
internal sealed class BranchContentIndexProvider : IndexProvider<BranchContentIndex>
{
    /// <summary>The types whose own part (named like the type) carries a "Branch" content picker.</summary>
    public static readonly string[] BranchTypes = [PublicTypes.BranchNews, PublicTypes.TypicalExample];

    public override IEnumerable<BranchContentIndex> Map(ContentItem item)
    {
        // The index serves public lists only, so drafts and old versions map to nothing (which removes their rows).
        if (!item.Published || !BranchTypes.Contains(item.ContentType))
        {
            return [];
        }

        var ids = item.GetField(item.ContentType, "Branch")?["ContentItemIds"] as JsonArray;
        return (ids ?? [])
            .Select(id => id?.GetValueKind() == System.Text.Json.JsonValueKind.String ? id.GetValue<string>() : null)
            .Where(id => !string.IsNullOrWhiteSpace(id) && id.Length <= 26)
            .Distinct()
            .Select(id => new BranchContentIndex
            {
                ContentItemId = item.ContentItemId,
                ContentType = item.ContentType,
                BranchContentItemId = id!,
            })
            .ToList();
    }
}
