using System.Security.Claims;
using LiaisonSite.Core.ContentManagement;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Outreach.Security;

/// <summary>Exports carry only the forums and reception days the user may see.</summary>
public sealed class OutreachExportFilter(OutreachAccessScope scope) : IContentExportFilter
{
    public IReadOnlyCollection<string> ContentTypes => scope.ContentTypes;

    public async Task<IReadOnlyList<ContentItem>> FilterAsync(ClaimsPrincipal? user, IReadOnlyList<ContentItem> items, CancellationToken cancellationToken)
    {
        if (!items.Any(i => scope.ContentTypes.Contains(i.ContentType)))
        {
            return items;
        }

        var visible = (await (await scope.VisibleItemIdsAsync(user ?? new ClaimsPrincipal(new ClaimsIdentity()))).ToListAsync(cancellationToken)).ToHashSet();
        return [.. items.Where(i => !scope.ContentTypes.Contains(i.ContentType) || visible.Contains(i.ContentItemId))];
    }
}
