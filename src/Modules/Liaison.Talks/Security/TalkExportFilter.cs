using System.Security.Claims;
using Liaison.Organization.Contracts;
using Liaison.Talks.Parts;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Talks.Security;

/// <summary>
/// Exports carry only the talks the user may see, and talks with a sensitive contact target (category 2 or 4) only
/// with Contacts.ExportSensitive; each of those exported is logged, as for contacts.
/// </summary>
public sealed class TalkExportFilter(
    TalkAccessScope scope, IPermissionService permissions, IAccessLogWriter log, LiaisonDbContext db) : IContentExportFilter
{
    public IReadOnlyCollection<string> ContentTypes => scope.ContentTypes;

    public async Task<IReadOnlyList<ContentItem>> FilterAsync(
        ClaimsPrincipal? user, IReadOnlyList<ContentItem> items, CancellationToken cancellationToken)
    {
        if (!items.Any(i => i.ContentType == TalkAccessScope.ContentType))
        {
            return items;
        }

        user ??= new ClaimsPrincipal(new ClaimsIdentity());
        var visible = (await (await scope.VisibleItemIdsAsync(user)).ToListAsync(cancellationToken)).ToHashSet();
        var sensitiveAllowed = user.Identity?.IsAuthenticated == true
            && await permissions.HasPermissionAsync(user, Liaison.Contacts.Permissions.ExportSensitive.Name);
        var kept = items.Where(i => i.ContentType != TalkAccessScope.ContentType
            || (visible.Contains(i.ContentItemId) && (sensitiveAllowed || i.As<TalkPart>().ContactCategory is not (2 or 4))))
            .ToList();
        var logged = 0;
        foreach (var item in kept.Where(i => i.ContentType == TalkAccessScope.ContentType))
        {
            var part = item.As<TalkPart>();
            if (part.ContactCategory is 2 or 4)
            {
                log.Add(user, AccessActions.Export, part.PersonId, null, part.BranchId, part.ContactCategory, item.ContentItemId, "recipe");
                logged++;
            }
        }

        if (logged > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return kept;
    }
}
