using Liaison.Organization.Data;
using Liaison.Organization.Import;
using Liaison.Organization.Services;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Liaison.Organization.Export;

/// <summary>
/// <c>GET /admin/organization/export?kind=members|persons[&amp;full=true]</c>: the roster the user manages as .xlsx.
/// Phones and ID numbers are masked; <c>full=true</c> gives them in full to users with
/// Organization.RevealPersonalData, and that export is written to the access log.
/// </summary>
[Admin]
[Route("admin/organization/export")]
internal sealed class RosterExportController(
    RosterExporter exporter,
    OrganizationScope organizations,
    IPermissionService permissions,
    AccessLog.AccessLogWriter log,
    LiaisonDbContext db,
    ISchoolClock clock,
    IStringLocalizer<RosterExportController> S) : Controller
{
    [HttpGet("")]
    [RequirePermission("Organization.ManageBranch")]
    public async Task<IActionResult> Export(string? kind, bool full, CancellationToken cancellationToken)
    {
        if (RosterKinds.Parse(kind) is not { } parsed)
        {
            return BadRequest(S["Choose members or persons to export."].Value);
        }

        var scope = await organizations.GetAsync(User);
        full = full && await permissions.HasPermissionAsync(User, Permissions.RevealPersonalData.Name);
        var (bytes, count) = await exporter.ExportAsync(parsed, scope, full, cancellationToken);
        if (full)
        {
            log.Add(User, AccessActions.Export, branchId: scope.AllBranches ? null : scope.BranchIds.FirstOrDefault(),
                detail: S[parsed == RosterKind.Members ? "Members roster with full phone numbers, {0} rows" : "Masses roster with full phone and ID numbers, {0} rows", count]);
            await db.SaveChangesAsync(cancellationToken);
        }

        var title = parsed == RosterKind.Members ? S["Members roster"] : S["Masses roster"];
        return File(bytes, RosterExporter.ContentType, $"{title}-{clock.Today:yyyyMMdd}.xlsx");
    }
}
