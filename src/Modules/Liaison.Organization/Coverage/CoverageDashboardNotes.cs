using System.Security.Claims;
using Liaison.Organization.Services;
using LiaisonSite.Core.Navigation;
using LiaisonSite.Core.Security;
using Microsoft.Extensions.Localization;

namespace Liaison.Organization.Coverage;

/// <summary>
/// The dashboard block of R2 coverage for whoever may open the coverage page (same permission and scope):
/// grades, subjects and units in their scope that no leading cadre's contact point covers.
/// </summary>
internal sealed class CoverageDashboardNotes(
    IPermissionService permissions, OrganizationScope organizations, CoverageService coverage,
    IStringLocalizer<CoverageDashboardNotes> S) : IDashboardNotes
{
    public Task<IReadOnlyList<DashboardNote>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<DashboardNote>>([]);

    public async Task<IReadOnlyList<DashboardBlock>> BlocksAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!await permissions.HasPermissionAsync(user, Permissions.ManageBranch.Name))
        {
            return [];
        }

        var scope = await organizations.GetAsync(user);
        if (!scope.ManagesAnyBranch)
        {
            return [];
        }

        var report = await coverage.BuildAsync(scope);
        var lines = new List<DashboardNote>();
        var grades = report.Grades.Count(g => !g.Covered);
        var subjects = report.Subjects.Count(s => !s.Covered);
        var units = report.TeachingSections.Concat(report.GrassrootsUnits).Count(u => !u.Covered);
        if (grades > 0)
        {
            lines.Add(new(S["{0} grade(s) have no cadre's contact point.", grades], "/admin/organization/coverage", Warning: false));
        }

        if (subjects > 0)
        {
            lines.Add(new(S["{0} subject(s) have no cadre's contact point.", subjects], "/admin/organization/coverage", Warning: false));
        }

        if (units > 0)
        {
            lines.Add(new(S["{0} unit(s) have no cadre's contact point.", units], "/admin/organization/coverage", Warning: false));
        }

        return
        [
            new DashboardBlock(S["Coverage of grades and subjects"], lines, "/admin/organization/coverage", S["Open the coverage"],
                S["Every grade, subject and unit in your scope is covered by a cadre's contact point."], Position: 10),
        ];
    }
}
