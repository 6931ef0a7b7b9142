using System.Security.Claims;
using Liaison.Contents.Security;
using Liaison.Organization.Contracts;
using Liaison.Outreach.Data;
using Liaison.Outreach.Parts;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;

namespace Liaison.Outreach.Security;

/// <summary>
/// Forums and reception days hold what staff and students said: the committee sees all, a secretary their branch's,
/// a member those they host or hold (a cadre their own reception days). The public schedule of reception days is
/// /reception, which shows only cadre, date, time and place.
/// </summary>
public sealed class OutreachAccessScope(LiaisonDbContext db, IRosterQueries roster) : IContentAccessScope
{
    public const string Forum = "Forum";
    public const string ReceptionDay = "ReceptionDay";

    public IReadOnlyCollection<string> ContentTypes { get; } = [Forum, ReceptionDay];

    public async Task<IQueryable<string>> VisibleItemIdsAsync(ClaimsPrincipal user)
    {
        var rows = db.Set<OutreachIndex>().Where(x => x.Latest);
        if (user.Identity?.IsAuthenticated != true)
        {
            return rows.Where(x => false).Select(x => x.ContentItemId);
        }

        return rows.VisibleTo(await roster.ScopeAsync(user)).Select(x => x.ContentItemId);
    }

    public async Task<bool> SeesAllAsync(ClaimsPrincipal user)
        => user.Identity?.IsAuthenticated == true && (await roster.ScopeAsync(user)).AllBranches;

    public async Task<bool> AuthorizeAsync(ClaimsPrincipal user, ContentItem item, ContentOperation operation)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        var scope = await roster.ScopeAsync(user);
        var (memberId, branchId) = item.Has<ForumPart>() ? (item.As<ForumPart>().HostMemberId, item.As<ForumPart>().BranchId)
            : (item.As<ReceptionDayPart>().CadreMemberId, item.As<ReceptionDayPart>().BranchId);
        if (memberId <= 0)
        {
            return scope.Member is not null || scope.ManagesAnyBranch;
        }

        return (scope.Member is { } me && me.Id == memberId) || scope.ManagesBranch(branchId);
    }
}
