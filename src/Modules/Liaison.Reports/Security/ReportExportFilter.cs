using System.Security.Claims;
using LiaisonSite.Core.ContentManagement;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Reports.Security;

/// <summary>Exports carry only the quarterly reports the user may see (none without a user).</summary>
public sealed class ReportExportFilter(ReportAccessScope scope) : IContentExportFilter
{
    public IReadOnlyCollection<string> ContentTypes => scope.ContentTypes;

    public async Task<IReadOnlyList<ContentItem>> FilterAsync(
        ClaimsPrincipal? user, IReadOnlyList<ContentItem> items, CancellationToken cancellationToken)
    {
        if (!items.Any(i => i.ContentType == ReportAccessScope.ContentType))
        {
            return items;
        }

        user ??= new ClaimsPrincipal(new ClaimsIdentity());
        var visible = (await (await scope.VisibleItemIdsAsync(user)).ToListAsync(cancellationToken)).ToHashSet();
        return [.. items.Where(i => i.ContentType != ReportAccessScope.ContentType || visible.Contains(i.ContentItemId))];
    }
}
