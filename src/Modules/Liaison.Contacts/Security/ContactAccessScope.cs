using System.Security.Claims;
using Liaison.Contacts.Contracts;
using Liaison.Contacts.Data;
using Liaison.Contacts.Parts;
using Liaison.Contents.Security;
using Liaison.Organization.Contracts;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;

namespace Liaison.Contacts.Security;

/// <summary>
/// Who may see and change Contact items: the committee all of them, a branch secretary those of their branch's
/// members, a member only their own (read only). Generic content rights (an editor's Contents.ViewAll) give nothing.
/// </summary>
public sealed class ContactAccessScope(LiaisonDbContext db, IRosterQueries roster, SensitiveRecordLog log) : IContentAccessScope
{
    public const string ContentType = "Contact";

    public IReadOnlyCollection<string> ContentTypes { get; } = [ContentType];

    public async Task<IQueryable<string>> VisibleItemIdsAsync(ClaimsPrincipal user)
        => (await VisibleAsync(user)).Select(x => x.ContentItemId);

    /// <summary>The latest index rows of the contacts the user may see.</summary>
    public async Task<IQueryable<ContactIndex>> VisibleAsync(ClaimsPrincipal user)
    {
        var rows = db.Set<ContactIndex>().Where(x => x.Latest);
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
        var part = item.As<ContactPart>();
        if (part.MemberId <= 0)
        {
            // A new assignment: whoever manages a branch may start one; the handler checks the member chosen.
            return scope.ManagesAnyBranch;
        }

        var manages = scope.ManagesBranch(part.BranchId);
        var own = scope.Member is { } member && member.Id == part.MemberId;
        return operation switch
        {
            ContentOperation.View or ContentOperation.Preview => manages || own,
            _ => manages,
        };
    }

    public async Task ViewedAsync(ClaimsPrincipal user, IReadOnlyList<ContentItem> items, string channel)
    {
        await log.AddAndSaveAsync(db, user, items.Select(i => i.As<ContactPart>().Record(i.ContentItemId)), AccessActions.ViewContact, channel);
    }
}
