using System.Globalization;
using System.Security.Claims;
using Liaison.Organization.Contracts;
using Liaison.Reports.Data;
using Liaison.Talks.Contracts;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Reports.Inspections;

/// <summary>
/// The rectification items of saved inspections on the follow-up list (/admin/follow-ups): listed to the secretaries
/// of the branch and the committee, closed by them with a note. Members do not see their branch's inspections.
/// </summary>
internal sealed class RectificationFollowUpSource(IRosterQueries roster, LiaisonDbContext db, IStringLocalizer<RectificationFollowUpSource> S) : IFollowUpSource
{
    public string Source => "Inspection";

    public string DisplayName => S["Inspection rectification"];

    public async Task<IReadOnlyList<FollowUpRow>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var rows = await VisibleAsync(user);
        var list = await rows.OrderBy(i => i.Id).Take(1000).ToListAsync(cancellationToken);
        return [.. list.Select(i => new FollowUpRow(Source, i.Id.ToString(CultureInfo.InvariantCulture), i.Text, null, i.BranchId, i.DueDate, i.Closed,
            i.ClosingNote, $"/admin/inspections/{i.InspectionId}"))];
    }

    public async Task<bool> CloseAsync(ClaimsPrincipal user, string key, string note, CancellationToken cancellationToken)
    {
        if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }

        var item = await (await VisibleAsync(user)).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null || item.Closed)
        {
            return false;
        }

        item.Closed = true;
        item.ClosingNote = note.Length > RectificationItem.MaxTextLength ? note[..RectificationItem.MaxTextLength] : note;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task<IQueryable<RectificationItem>> VisibleAsync(ClaimsPrincipal user)
    {
        var items = db.Set<RectificationItem>();
        if (user.Identity?.IsAuthenticated != true)
        {
            return items.Where(_ => false);
        }

        var scope = await roster.ScopeAsync(user);
        if (scope.AllBranches)
        {
            return items;
        }

        var branches = scope.BranchIds.ToList();
        return items.Where(i => branches.Contains(i.BranchId));
    }
}
