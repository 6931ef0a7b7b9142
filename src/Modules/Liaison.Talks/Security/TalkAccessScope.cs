using System.Security.Claims;
using Liaison.Contacts.Contracts;
using Liaison.Contents.Security;
using Liaison.Organization.Contracts;
using Liaison.Talks.Data;
using Liaison.Talks.Parts;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Talks.Security;

/// <summary>
/// Who may see and change Talk items, as for contacts: the committee all, a branch secretary their branch's, a
/// member their own (they record and correct them), nobody else (an editor's Contents.ViewAll gives nothing, and
/// talks are never public). Talks with a contact target of category 2 or 4 are audited on every view.
/// </summary>
public sealed class TalkAccessScope(LiaisonDbContext db, IRosterQueries roster, SensitiveRecordLog log) : IContentAccessScope
{
    public const string ContentType = "Talk";

    /// <summary>The access-log action of a view of a sensitive talk.</summary>
    public const string ViewAction = "view-talk";

    public IReadOnlyCollection<string> ContentTypes { get; } = [ContentType];

    public async Task<IQueryable<string>> VisibleItemIdsAsync(ClaimsPrincipal user)
        => (await VisibleAsync(user)).Select(x => x.ContentItemId);

    /// <summary>The latest index rows of the talks the user may see.</summary>
    public async Task<IQueryable<TalkIndex>> VisibleAsync(ClaimsPrincipal user)
    {
        var rows = db.Set<TalkIndex>().Where(x => x.Latest);
        if (user.Identity?.IsAuthenticated != true)
        {
            return rows.Where(x => false);
        }

        return rows.VisibleTo(await roster.ScopeAsync(user));
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
        var part = item.As<TalkPart>();
        if (part.MemberId <= 0)
        {
            // A new talk: a member records their own, a secretary one of their branch; the handler checks whose.
            return scope.Member is not null || scope.ManagesAnyBranch;
        }

        var own = scope.Member is { } member && member.Id == part.MemberId;
        return own || scope.ManagesBranch(part.BranchId);
    }

    public async Task ViewedAsync(ClaimsPrincipal user, IReadOnlyList<ContentItem> items, string channel)
    {
        await log.AddAndSaveAsync(db, user, items.Select(i => i.As<TalkPart>().Record(i.ContentItemId)), ViewAction, channel);
    }
}
