using LiaisonSite.Core.Security;

namespace Liaison.Contents;

/// <summary>
/// Rights over content items. Each "X" right implies its "XOwn" right; owner checks are made by
/// <see cref="Security.ContentAuthorizationHandler"/>, not here.
/// </summary>
public sealed class Permissions : IPermissionProvider
{
    private const string Category = "内容";

    public static readonly Permission ViewAll = new("Contents.ViewAll", "查看所有内容", Category);
    public static readonly Permission Edit = new("Contents.Edit", "编辑所有内容", Category);
    public static readonly Permission EditOwn = new("Contents.EditOwn", "编辑自己的内容", Category);
    public static readonly Permission Publish = new("Contents.Publish", "发布所有内容", Category);
    public static readonly Permission PublishOwn = new("Contents.PublishOwn", "发布自己的内容", Category);
    public static readonly Permission Delete = new("Contents.Delete", "删除所有内容", Category);
    public static readonly Permission DeleteOwn = new("Contents.DeleteOwn", "删除自己的内容", Category);
    public static readonly Permission Preview = new("Contents.Preview", "预览内容", Category);

    private static readonly Permission[] s_all = [ViewAll, Edit, EditOwn, Publish, PublishOwn, Delete, DeleteOwn, Preview];

    public IEnumerable<Permission> GetPermissions() => s_all;

    public IEnumerable<DefaultRoleGrant> GetDefaultGrants() =>
    [
        new(RoleNames.CommitteeAdmin, s_all),
        new(RoleNames.Editor, s_all),
        new(RoleNames.BranchSecretary, EditOwn, PublishOwn, DeleteOwn, Preview),
        new(RoleNames.Member, EditOwn, DeleteOwn, Preview),
    ];
}
