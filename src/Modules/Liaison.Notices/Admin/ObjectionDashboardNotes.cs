using System.Security.Claims;
using Liaison.Notices.Data;
using LiaisonSite.Core.Navigation;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Notices.Admin;

/// <summary>
/// A secretary's (or the committee's) objections on the dashboard: how many wait for an answer in their scope, and how
/// many of those were lodged over a week ago. Two counts over the same scoped query as the objections page.
/// </summary>
internal sealed class ObjectionDashboardNotes(
    ObjectionScope scope, IPermissionService permissions, ISchoolClock clock, IStringLocalizer<ObjectionDashboardNotes> S) : IDashboardNotes
{
    private const int LateAfterDays = 7;

    public Task<IReadOnlyList<DashboardNote>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<DashboardNote>>([]);

    public async Task<IReadOnlyList<DashboardBlock>> BlocksAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!await permissions.HasPermissionAsync(user, Permissions.HandleObjections.Name))
        {
            return [];
        }

        var pending = (await scope.QueryAsync(user)).Where(o => o.Status == ObjectionStatus.Pending);
        var count = await pending.CountAsync(cancellationToken);
        var weekAgo = clock.UtcNow.AddDays(-LateAfterDays);
        var late = count == 0 ? 0 : await pending.CountAsync(o => o.CreatedUtc < weekAgo, cancellationToken);
        var lines = new List<DashboardNote>();
        if (late > 0)
        {
            lines.Add(new(S["{0} objections have waited more than a week for an answer.", late], "/admin/notices/objections?status=Pending", Warning: true));
        }

        if (count > late)
        {
            lines.Add(new(S["{0} objections wait for an answer.", count - late], "/admin/notices/objections?status=Pending", Warning: false));
        }

        return
        [
            new DashboardBlock(S["Objections to notices"], lines, "/admin/notices/objections", S["Open the objections"],
                S["No objection waits for an answer. Answers reach the objector through their receipt number."], Position: 5),
        ];
    }
}
