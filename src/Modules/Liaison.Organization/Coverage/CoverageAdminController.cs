using Liaison.Organization.Services;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Mvc;

namespace Liaison.Organization.Coverage;

/// <summary>R2 coverage: grades, subjects and units with the cadres who cover them; the uncovered stand out.</summary>
[Admin]
[RequirePermission("Organization.ManageBranch")]
[Route("admin/organization/coverage")]
internal sealed class CoverageAdminController(OrganizationScope organizations, CoverageService coverage) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
        => View(await coverage.BuildAsync(await organizations.GetAsync(User)));
}
