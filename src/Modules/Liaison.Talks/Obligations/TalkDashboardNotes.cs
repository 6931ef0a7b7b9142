using System.Security.Claims;
using LiaisonSite.Core.Navigation;
using Microsoft.Extensions.Localization;

namespace Liaison.Talks.Obligations;

/// <summary>The dashboard tells a secretary or the committee how many mandatory talks in their scope are overdue or due.</summary>
internal sealed class TalkDashboardNotes(ObligationService obligations, IStringLocalizer<TalkDashboardNotes> S) : IDashboardNotes
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
}
