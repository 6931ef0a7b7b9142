using System.Security.Claims;
using LiaisonSite.Core.ContentManagement;

namespace LiaisonSite.Core.Display;

/// <summary>
/// Something another module shows on a content item's admin editor page, above the form (a workflow's state, a review
/// decision …), without the content module knowing that module. Built only for an item that exists, and only for a
/// user already allowed to edit it; return null to show nothing. The result is a view found by the normal lookup.
/// </summary>
public interface IContentEditorPanel
{
    Task<DisplayResult?> BuildAsync(ContentItem item, ClaimsPrincipal user, CancellationToken cancellationToken = default);
}
