using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Mvc;

namespace Liaison.Reports.Examples;

/// <summary>
/// POST /admin/reports/examples (source = report | talk | forum, id): a secretary (or the committee: Reports.Inspect)
/// starts a TypicalExample draft from an approved report, a talk or a forum they may see, and lands in its editor;
/// the editorial review takes it from there. Not visible or not approved: 404; refused or invalid: a message.
/// </summary>
[Admin]
[Route("admin/reports/examples")]
internal sealed class ExamplesController(TypicalExampleStarter starter) : Controller
{
    [HttpPost("")]
    [RequirePermission("Reports.Inspect")]
    public async Task<IActionResult> Start(string? source, string? id, string? returnUrl)
    {
        var result = await starter.StartAsync(User, source, id);
        if (result.ContentItemId is { } created)
        {
            return Redirect($"/admin/contents/{created}/edit");
        }

        if (result.Error is null)
        {
            return NotFound();
        }

        TempData.Error(result.Error);
        return Redirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/admin/reports");
    }
}
