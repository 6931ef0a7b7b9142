using System.Security.Claims;
using Liaison.Organization.Contracts;
using Liaison.Talks.Data;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Navigation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Talks.Obligations;

/// <summary>
/// The dashboard tells a secretary or the committee how many mandatory talks in their scope are overdue or due, and a
/// member their own: the mandatory talks they owe and the follow-ups their talks left open.
/// </summary>
internal sealed class TalkDashboardNotes(
    ObligationService obligations, IRosterQueries roster, LiaisonDbContext db, IStringLocalizer<TalkDashboardNotes> S) : IDashboardNotes
{
    public async Task<IReadOnlyList<DashboardNote>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var rows = await obligations.VisibleAsync(user);
        var overdue = rows.Count(r => r.Status == ObligationStatus.Overdue);
        var due = rows.Count(r => r.Status == ObligationStatus.Due);
        var notes = new List<DashboardNote>();
        if (overdue > 0)
        {
            notes.Add(new(S["{0} mandatory talks are overdue.", overdue], "/admin/talks/events", Warning: true));
        }

        if (due > 0)
        {
            notes.Add(new(S["{0} mandatory talks are due.", due], "/admin/talks/events", Warning: false));
        }

        return notes;
    }

    /// <summary>A member's own talk work, linking to 我的联系工作 where it is done.</summary>
    public async Task<IReadOnlyList<DashboardBlock>> BlocksAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if ((await roster.ScopeAsync(user)).Member is not { Active: true } member)
        {
            return [];
        }

        var owed = await obligations.ForMemberAsync(member.Id);
        var overdue = owed.Count(o => o.Status == ObligationStatus.Overdue);
        var due = owed.Count(o => o.Status == ObligationStatus.Due);
        var followUps = await db.Set<TalkIndex>().AsNoTracking()
            .Where(t => t.Latest && t.MemberId == member.Id && t.OpenFollowUps > 0)
            .SumAsync(t => t.OpenFollowUps, cancellationToken);
        var lines = new List<DashboardNote>();
        if (overdue > 0)
        {
            lines.Add(new(S["You owe {0} mandatory talks past their deadline.", overdue], "/admin/my-work", Warning: true));
        }

        if (due > 0)
        {
            lines.Add(new(S["You have {0} mandatory talks to hold.", due], "/admin/my-work", Warning: false));
        }

        if (followUps > 0)
        {
            lines.Add(new(S["{0} follow-ups of your talks are still open.", followUps], "/admin/follow-ups", Warning: false));
        }

        return
        [
            new DashboardBlock(S["My talks"], lines, "/admin/my-work/talks/new", S["Record a talk"],
                S["No mandatory talk is due and no follow-up is open. Record each heart-to-heart talk soon after you hold it."],
                Position: -20),
        ];
    }
}
