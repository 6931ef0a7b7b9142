using LiaisonSite.Core.Security;

namespace Liaison.Contents;

/// <summary>
/// Rights over content items. Each "X" right implies its "XOwn" right; owner checks are made by
/// <see cref="Security.ContentAuthorizationHandler"/>, not here.
/// </summary>
public sealed class Permissions : IPermissionProvider
{
    private const string Category = "Content";

    /// <summary>
    /// Orchard's ViewContent: read published content of the types that have an address. The Anonymous role holds it, so
    /// the public pages are public; a type is public when Anonymous holds it (see IPublicContentTypes) and no access
    /// scope governs the type.
    /// </summary>
    public static readonly Permission View = new("Contents.View", "View published content", Category);
    /// <summary>
    /// Reads the published items of Securable types too: with <see cref="View"/> it is Orchard's ViewContent, and it
    /// implies each Securable type's own view permission (Contents.View.{Type}, Orchard's ViewContent_{Type}; see
    /// <see cref="Security.ContentTypePermissions"/>). Anonymous holds it on a site set up since; a site set up before,
    /// where Securable types were private, keeps them so until an administrator grants it or a type's own permission.
    /// </summary>
    public static readonly Permission ViewSecurable = new("Contents.ViewSecurable", "View published content of Securable types", Category);
    public static readonly Permission ViewAll = new("Contents.ViewAll", "View all content", Category);
    public static readonly Permission Edit = new("Contents.Edit", "Edit all content", Category);
    public static readonly Permission EditOwn = new("Contents.EditOwn", "Edit own content", Category);
    public static readonly Permission Publish = new("Contents.Publish", "Publish all content", Category);
    public static readonly Permission PublishOwn = new("Contents.PublishOwn", "Publish own content", Category);
    public static readonly Permission Delete = new("Contents.Delete", "Delete all content", Category);
    public static readonly Permission DeleteOwn = new("Contents.DeleteOwn", "Delete own content", Category);
    public static readonly Permission Preview = new("Contents.Preview", "Preview content", Category);

    private static readonly Permission[] s_all = [ViewAll, Edit, EditOwn, Publish, PublishOwn, Delete, DeleteOwn, Preview];

    public IEnumerable<Permission> GetPermissions() => [View, ViewSecurable, .. s_all];


    public IEnumerable<DefaultRoleGrant> GetDefaultGrants() =>
    [
        new(RoleNames.CommitteeAdmin, s_all),
        new(RoleNames.Editor, s_all),
        new(RoleNames.BranchSecretary, EditOwn, PublishOwn, DeleteOwn, Preview),
        new(RoleNames.Member, EditOwn, DeleteOwn, Preview),
        new(RoleNames.Anonymous, View, ViewSecurable),
    ];
}
