using System.Security.Claims;
using Liaison.Contents.Security;
using Liaison.Organization.Contracts;
using Liaison.Reports.Data;
using Liaison.Reports.Parts;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;

namespace Liaison.Reports.Security;

/// <summary>
/// Who may see and change QuarterlyReport items: a member their own (they write and revise them), a branch secretary
/// their branch's, the committee every branch's, nobody else (an editor's Contents.ViewAll gives nothing; reports are
/// never public). Only the author changes a report; nobody publishes one by hand: approval is the workflow's.
/// </summary>
public sealed class ReportAccessScope(LiaisonDbContext db, IRosterQueries roster) : IContentAccessScope
{
    public const string ContentType = "QuarterlyReport";

    public IReadOnlyCollection<string> ContentTypes { get; } = [ContentType];

    public async Task<IQueryable<string>> VisibleItemIdsAsync(ClaimsPrincipal user)
        => (await VisibleAsync(user)).Select(x => x.ContentItemId);

    /// <summary>The latest index rows of the reports the user may see.</summary>
    public async Task<IQueryable<QuarterlyReportIndex>> VisibleAsync(ClaimsPrincipal user)
    {
        var rows = db.Set<QuarterlyReportIndex>().Where(x => x.Latest);
        if (user.Identity?.IsAuthenticated != true)
        {
            return rows.Where(x => false);
        }

        var scope = await roster.ScopeAsync(user);
        if (scope.AllBranches)
        {
            return rows;
        }

        var branches = scope.BranchIds.ToList();
        var memberId = scope.Member?.Id ?? -1;
        return rows.Where(x => branches.Contains(x.BranchId) || x.MemberId == memberId);
    }

    public async Task<bool> SeesAllAsync(ClaimsPrincipal user)
        => user.Identity?.IsAuthenticated == true && (await roster.ScopeAsync(user)).AllBranches;

    public async Task<bool> AuthorizeAsync(ClaimsPrincipal user, ContentItem item, ContentOperation operation)
    {
        if (user.Identity?.IsAuthenticated != true || operation == ContentOperation.Publish)
        {
            return false;
        }

        var scope = await roster.ScopeAsync(user);
        var part = item.As<QuarterlyReportPart>();
        if (part.MemberId <= 0)
        {
            // A new report: only a member writes one (their own; the handler checks whose).
            return scope.Member is not null && operation is ContentOperation.Edit or ContentOperation.View or ContentOperation.Preview;
        }

        var own = scope.Member is { } member && member.Id == part.MemberId;
        return operation switch
        {
            ContentOperation.View or ContentOperation.Preview => own || scope.ManagesBranch(part.BranchId),
            ContentOperation.Edit => own,
            ContentOperation.Delete => own && !item.Published,
            _ => false,
        };
    }
}
