namespace Liaison.Users.Recipes;

/// <summary>
/// Orchard Core's permission names, as its recipes' Roles steps write them, and this site's permission for each. A
/// per-type name (EditContent_Blog) is this site's per-type permission (Contents.Edit.Blog, made for each Securable type
/// by Liaison.Contents). A name with no counterpart here (ViewOwnContent, ManageLayers, CloneContent_Blog …) is left out
/// and listed in the recipe's report, never refused: an Orchard recipe is imported with what this site can hold.
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

    /// <summary>
    /// Orchard's operations that have a per-type form ("{Operation}_{Type}"); this site's per-type name is the
    /// site-wide permission of the operation (<see cref="s_map"/>), a dot, the type.
    /// </summary>
    private static readonly HashSet<string> s_perType = new(StringComparer.OrdinalIgnoreCase)
    {
        "ViewContent", "EditContent", "EditOwnContent", "PublishContent", "PublishOwnContent", "DeleteContent", "DeleteOwnContent", "PreviewContent",
    };

    /// <summary>This site's names for an Orchard name, or null when Orchard's name is not one this site maps.</summary>
    public static IReadOnlyList<string>? Map(string name)
    {
        if (string.Equals(name, "ViewContent", StringComparison.OrdinalIgnoreCase))
        {
            return s_viewContent;
        }

        if (s_map.TryGetValue(name, out var ours))
        {
            return [ours];
        }

        return ContentTypeOf(name) is { } type ? [$"{s_map[name[..name.IndexOf('_')]]}.{type}"] : null;
    }

    /// <summary>The content type of an Orchard per-type name ("Blog" of "EditContent_Blog"), or null.</summary>
    public static string? ContentTypeOf(string name)
    {
        var underscore = name.IndexOf('_');
        return underscore > 0 && underscore < name.Length - 1 && s_perType.Contains(name[..underscore]) ? name[(underscore + 1)..] : null;
    }
}
