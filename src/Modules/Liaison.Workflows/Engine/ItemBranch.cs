using System.Text.Json.Nodes;
using LiaisonSite.Core.ContentManagement;

namespace Liaison.Workflows.Engine;

/// <summary>
/// The branch an item belongs to: the first id of its content picker field named "Branch" (TypicalExample, BranchNews,
/// reports all carry one). An item without it has no branch, and its tasks go only to school-wide deciders.
/// </summary>
internal static class ItemBranch
{
    public const string FieldName = "Branch";

    public static string? Of(ContentItem item)
    {
        foreach (var (_, part) in item.Content)
        {
            if (part is JsonObject obj && obj[FieldName] is JsonObject field && field["ContentItemIds"] is JsonArray ids
                && ids.FirstOrDefault() is JsonValue first && first.TryGetValue<string>(out var id) && id.Length > 0)
            {
                return id;
            }
        }

        return null;
    }
}
