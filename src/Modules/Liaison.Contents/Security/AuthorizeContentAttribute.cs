using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Contents.Security;

/// <summary>
/// Authorizes an action against the content item it works on: the latest version named by the route value
/// <c>id</c>, or a new item of the route value <c>type</c> owned by the caller; without either, the caller must
/// be able to do the operation to at least their own items. A missing item or an unknown type is a 404. The route's
/// type name is resolved to its definition first and the route value replaced by the canonical name, so the rules
/// and the action see "Contact" whatever the address said ("contact", "CONTACT").
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class AuthorizeContentAttribute(ContentOperation operation) : Attribute, IFilterFactory
{
    public ContentOperation Operation { get; } = operation;

    public bool IsReusable => false;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider)
        => ActivatorUtilities.CreateInstance<AuthorizeContentFilter>(serviceProvider, Operation);
}

internal sealed class AuthorizeContentFilter(
    ContentOperation operation, IContentManager contentManager, IContentTypeResolver types, IAuthorizationService authorization)
    : IAsyncAuthorizationFilter
{
    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        ContentItem? item = null;
        var user = context.HttpContext.User;
        if (context.RouteData.Values.TryGetValue("id", out var id) && id is string contentItemId)
        {
            item = await contentManager.GetAsync(contentItemId, VersionOptions.Latest);
            if (item is null)
            {
                context.Result = new NotFoundResult();
                return;
            }
        }
        else if (context.RouteData.Values.TryGetValue("type", out var type) && type is string contentType)
        {
            if (await types.ResolveAsync(contentType) is not { } definition)
            {
                context.Result = new NotFoundResult();
                return;
            }

            context.RouteData.Values["type"] = definition.Name;
            item = new ContentItem { ContentType = definition.Name, Owner = user.Identity?.Name ?? "" };
        }

        var result = await authorization.AuthorizeAsync(user, item, ContentOperationRequirement.For(operation));
        if (!result.Succeeded)
        {
            // A signed-in caller gets a plain 403 (rendered by the error page), not a detour to a sign-in page.
            context.Result = user.Identity?.IsAuthenticated == true
                ? new StatusCodeResult(StatusCodes.Status403Forbidden)
                : new ChallengeResult();
        }
    }
}
