using System.Security.Claims;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Authorization;

namespace Liaison.Contents.Security;

/// <summary>
/// The one place that decides owner-based content rights: "X" covers every item, "XOwn" the caller's own items,
/// and holding "X" implies "XOwn"; for a Securable type "X" is the type's own permission (<see cref="ContentTypePermissions"/>),
/// which the site-wide one implies. Items of a type governed by an <see cref="IContentAccessScope"/> are decided by
/// that scope alone. An item whose type is not the canonical name of a defined type is refused (fail closed): a name
/// that skipped <see cref="IContentTypeResolver"/> ("contact") would otherwise slip past the scope of "Contact".
/// </summary>
internal sealed class ContentAuthorizationHandler(
    IPermissionService permissions, IEnumerable<IContentAccessScope> scopes, IContentTypeResolver types)
    : AuthorizationHandler<ContentOperationRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ContentOperationRequirement requirement)
    {
        var user = context.User;
        var item = context.Resource as ContentItem;
        // Resolved once: the canonical-name check and the type's own permissions both need the definition.
        var type = item is null ? null : await types.ResolveAsync(item.ContentType);
        if (item is not null && type?.Name != item.ContentType)
        {
            return;
        }

        var scope = item is null ? null : scopes.FirstOrDefault(s => s.ContentTypes.Contains(item.ContentType));
        if (scope is not null)
        {
            if (await scope.AuthorizeAsync(user, item!, requirement.Operation))
            {
                context.Succeed(requirement);
            }

            return;
        }

        var own = item is null || IsOwner(user, item);
        // A Securable type's items are decided by the type's own permissions (Contents.Edit.Blog …), which the site-wide
        // ones imply; other types' by the site-wide ones.
        Permission Of(Permission general) => ContentTypePermissions.For(general, type);
        var allowed = requirement.Operation switch
        {
            ContentOperation.View => await HasAsync(user, Permissions.ViewAll)
                || await MayAsync(user, own, Of(Permissions.Edit), Of(Permissions.EditOwn)),
            ContentOperation.Edit => await MayAsync(user, own, Of(Permissions.Edit), Of(Permissions.EditOwn)),
            ContentOperation.Publish => await MayAsync(user, own, Of(Permissions.Edit), Of(Permissions.EditOwn))
                && await MayAsync(user, own, Of(Permissions.Publish), Of(Permissions.PublishOwn)),
            ContentOperation.Delete => await MayAsync(user, own, Of(Permissions.Delete), Of(Permissions.DeleteOwn)),
            ContentOperation.Preview => await HasAsync(user, Of(Permissions.Preview))
                && (own || await HasAsync(user, Permissions.ViewAll) || await HasAsync(user, Of(Permissions.Edit))),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }
    }

    internal static bool IsOwner(ClaimsPrincipal user, ContentItem item)
        => user.Identity?.IsAuthenticated == true
            && !string.IsNullOrEmpty(item.Owner)
            && string.Equals(item.Owner, user.Identity.Name, StringComparison.OrdinalIgnoreCase);

    private async Task<bool> MayAsync(ClaimsPrincipal user, bool own, Permission any, Permission ownOnly)
        => await HasAsync(user, any) || (own && user.Identity?.IsAuthenticated == true && await HasAsync(user, ownOnly));

    private Task<bool> HasAsync(ClaimsPrincipal user, Permission permission) => permissions.HasPermissionAsync(user, permission);
}
