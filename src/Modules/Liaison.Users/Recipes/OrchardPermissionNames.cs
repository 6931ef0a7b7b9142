namespace Liaison.Users.Recipes;

/// <summary>
/// Orchard Core's permission names, as its recipes' Roles steps write them, and this site's permission for each. A
/// name with no counterpart here (ViewOwnContent, ManageLayers, a per-type EditContent_Blog …) is left out and listed in
/// the recipe's report, never refused: an Orchard recipe is imported with what this site can hold.
/// </summary>
internal static class OrchardPermissionNames
{
    private static readonly Dictionary<string, string> s_map = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ViewContent"] = "Contents.View",
        ["PreviewContent"] = "Contents.Preview",
        ["EditContent"] = "Contents.Edit",
        ["EditOwnContent"] = "Contents.EditOwn",
        ["PublishContent"] = "Contents.Publish",
        ["PublishOwnContent"] = "Contents.PublishOwn",
        ["DeleteContent"] = "Contents.Delete",
        ["DeleteOwnContent"] = "Contents.DeleteOwn",
        ["AccessAdminPanel"] = "Admin.Access",
        ["ManageSettings"] = "Settings.Manage",
        ["ManageUsers"] = "Users.Manage",
        ["ManageRoles"] = "Roles.Manage",
        ["ManageMediaContent"] = "Media.Upload",
        ["ManageOwnMedia"] = "Media.Upload",
        ["ViewContentTypes"] = "ContentTypes.Manage",
        ["EditContentTypes"] = "ContentTypes.Manage",
        ["Import"] = "Recipes.Import",
        ["Export"] = "Recipes.Export",
        ["ManageBackgroundTasks"] = "Jobs.Manage",
        ["ManageLuceneIndexes"] = "Search.Manage",
    };

    /// <summary>
    /// Orchard's ViewContent covers the Securable types too (each has its own ViewContent_{Type}, implied by it): here
    /// that is Contents.ViewSecurable beside Contents.View.
    /// </summary>
    private static readonly string[] s_viewContent = ["Contents.View", "Contents.ViewSecurable"];

    /// <summary>This site's names for an Orchard name, or null when Orchard's name is not one this site maps.</summary>
    public static IReadOnlyList<string>? Map(string name)
        => string.Equals(name, "ViewContent", StringComparison.OrdinalIgnoreCase) ? s_viewContent
            : s_map.TryGetValue(name, out var ours) ? [ours] : null;
}
