using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Security;

namespace Liaison.Contents.Security;

/// <summary>
/// Orchard Core's per-type content permissions: a Securable type gets its own set ("Contents.Edit.Blog" for Orchard's
/// EditContent_Blog …), each implied by the site-wide permission of the same operation, so that a role can be given one
/// type without the others. Viewing a Securable type's published items is implied by <see cref="Permissions.ViewSecurable"/>
/// (with Contents.View, Orchard's ViewContent), not by Contents.View alone: a site set up before these permissions kept
/// its Securable types private, and an upgrade must not make them public.
/// </summary>
public static class ContentTypePermissions
{
    private const string Category = "Content type: {0}";

    /// <summary>
    /// The operations with a per-type permission: the site-wide permission that implies it, its description, and the
    /// other site-wide permissions that imply it too.
    /// </summary>
    private static readonly (Permission General, string Description, Permission[] AlsoImpliedBy)[] s_operations =
    [
        (Permissions.ViewSecurable, "View published {0}", []),
        (Permissions.Edit, "Edit all {0}", []),
        (Permissions.EditOwn, "Edit own {0}", [Permissions.Edit]),
        (Permissions.Publish, "Publish all {0}", []),
        (Permissions.PublishOwn, "Publish own {0}", [Permissions.Publish]),
        (Permissions.Delete, "Delete all {0}", []),
        (Permissions.DeleteOwn, "Delete own {0}", [Permissions.Delete]),
        (Permissions.Preview, "Preview {0}", []),
    ];

    /// <summary>
    /// The per-type permission of <paramref name="general"/> for <paramref name="type"/>, or <paramref name="general"/>
    /// itself when the type is not Securable or the permission has no per-type form. Contents.View stands for viewing too.
    /// </summary>
    public static Permission For(Permission general, ContentTypeDefinition? type)
        => type is { TypeSettings.Securable: true } && IndexOf(general) is var i and >= 0 ? Make(i, type) : general;

    /// <summary>Every per-type permission of <paramref name="type"/> (none when it is not Securable).</summary>
    public static IEnumerable<Permission> Of(ContentTypeDefinition type)
        => type.TypeSettings.Securable ? s_operations.Select((_, i) => Make(i, type)) : [];

    /// <summary>"Contents.Edit.Blog": the site-wide name, a dot, the type's name ("Contents.View.Blog" for viewing).</summary>
    public static string NameOf(Permission general, string contentType)
        => (IndexOf(general) == 0 ? Permissions.View.Name : general.Name) + "." + contentType;

    private static int IndexOf(Permission general)
        => general == Permissions.View ? 0 : Array.FindIndex(s_operations, o => o.General == general);

    private static Permission Make(int operation, ContentTypeDefinition type)
    {
        var (general, description, alsoImpliedBy) = s_operations[operation];
        // EditOwn.Blog is held by whoever holds Edit.Blog, Edit or EditOwn (the "X implies XOwn" rule, per type too).
        IEnumerable<string> impliedBy = [general.Name, .. alsoImpliedBy.Select(p => p.Name)];
        impliedBy = impliedBy.Concat(alsoImpliedBy.Select(p => NameOf(p, type.Name)));
        return new Permission(NameOf(general, type.Name), description, Category)
        {
            ImpliedBy = [.. impliedBy],
            Arguments = [string.IsNullOrWhiteSpace(type.DisplayName) ? type.Name : type.DisplayName],
        };
    }
}

/// <summary>Lists the per-type permissions of every Securable type, for the roles page and the Roles step.</summary>
internal sealed class SecurableTypePermissions(IContentDefinitionManager definitions) : IDynamicPermissionProvider
{
    public async Task<IReadOnlyList<Permission>> GetPermissionsAsync()
        => [.. (await definitions.ListTypesAsync()).SelectMany(ContentTypePermissions.Of)];
}
