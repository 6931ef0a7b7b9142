using Liaison.Contents.Security;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Liaison.Contents.Admin;

/// <summary>Publishes, unpublishes or deletes the items ticked in the list; each item is authorized on its own.</summary>
[Admin]
[Route("admin/contents/bulk")]
public sealed class ContentBulkController(
    IContentManager contentManager,
    IAuthorizationService authorization,
    LiaisonDbContext db,
    IStringLocalizer<ContentBulkController> S) : Controller
{
    [HttpPost("")]
    [AuthorizeContent(ContentOperation.View)]
    public async Task<IActionResult> Apply(string? bulkAction, string[]? itemIds, string? returnUrl)
    {
        var operation = bulkAction switch
        {
            "publish" or "unpublish" => ContentOperation.Publish,
            "delete" => (ContentOperation?)ContentOperation.Delete,
            _ => null,
        };
        if (operation is null || itemIds is not { Length: > 0 })
        {
            TempData.Error(S["Choose an action and at least one item."]);
            return Back(returnUrl);
        }

        int done = 0, skipped = 0;
        foreach (var id in itemIds.Distinct())
        {
            var item = await contentManager.GetAsync(id, VersionOptions.Latest);
            if (item is null
                || !(await authorization.AuthorizeAsync(User, item, ContentOperationRequirement.For(operation.Value))).Succeeded)
            {
                skipped++;
                continue;
            }

            await (bulkAction switch
            {
                "publish" => contentManager.PublishAsync(item),
                "unpublish" => contentManager.UnpublishAsync(item),
                _ => contentManager.RemoveAsync(item),
            });
            done++;
        }

        await db.SaveChangesAsync();
        if (done > 0)
        {
            TempData.Success(bulkAction switch
            {
                "publish" => S["{0} item(s) published.", done],
                "unpublish" => S["{0} item(s) unpublished.", done],
                _ => S["{0} item(s) deleted.", done],
            });
        }

        if (skipped > 0)
        {
            TempData.Error(S["{0} item(s) were skipped: they no longer exist or you may not change them.", skipped]);
        }

        return Back(returnUrl);
    }

    private IActionResult Back(string? returnUrl)
        => Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToAction(nameof(ContentAdminController.List), "ContentAdmin");
}
