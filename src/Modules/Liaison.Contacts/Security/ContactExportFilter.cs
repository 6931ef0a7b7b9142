using System.Security.Claims;
using Liaison.Contacts.Audit;
using Liaison.Contacts.Parts;
using Liaison.Organization.Contracts;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Contacts.Security;

/// <summary>
/// Exports (the recipe export, the contacts spreadsheet) carry only the contacts the user may see, and the sensitive
/// categories only with <see cref="Permissions.ExportSensitive"/>; every sensitive contact exported is logged.
/// </summary>
public sealed class ContactExportFilter(
    ContactAccessScope scope, IPermissionService permissions, ContactAccessLog log, LiaisonDbContext db) : IContentExportFilter
{
    public IReadOnlyCollection<string> ContentTypes => scope.ContentTypes;

    public async Task<IReadOnlyList<ContentItem>> FilterAsync(
        ClaimsPrincipal? user, IReadOnlyList<ContentItem> items, CancellationToken cancellationToken)
    {
        if (!items.Any(i => i.ContentType == ContactAccessScope.ContentType))
        {
            return items;
        }

        user ??= new ClaimsPrincipal(new ClaimsIdentity());
        var visible = (await (await scope.VisibleItemIdsAsync(user)).ToListAsync(cancellationToken)).ToHashSet();
        var sensitiveAllowed = await MayExportSensitiveAsync(user);
        var kept = items.Where(i => i.ContentType != ContactAccessScope.ContentType
            || (visible.Contains(i.ContentItemId) && (sensitiveAllowed || !ContactCategories.IsSensitive(i.As<ContactPart>().Category))))
            .ToList();
        var seen = kept.Where(i => i.ContentType == ContactAccessScope.ContentType)
            .Select(i => new SeenContact(i.ContentItemId, i.As<ContactPart>()));
        if (await log.AddAsync(user, seen, AccessActions.Export, "recipe") > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return kept;
    }

    public Task<bool> MayExportSensitiveAsync(ClaimsPrincipal user)
        => user.Identity?.IsAuthenticated == true ? permissions.HasPermissionAsync(user, Permissions.ExportSensitive.Name) : Task.FromResult(false);
}
