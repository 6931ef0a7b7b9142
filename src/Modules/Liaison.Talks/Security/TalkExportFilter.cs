using System.Security.Claims;
using Liaison.Contacts.Contracts;
using Liaison.Talks.Parts;
using LiaisonSite.Core.ContentManagement;

namespace Liaison.Talks.Security;

/// <summary>
/// Exports carry only the talks the user may see, and talks with a sensitive contact target (category 2 or 4) only
/// with Contacts.ExportSensitive; each of those exported is logged — the contacts' rule (<see cref="SensitiveRecordExport"/>).
/// </summary>
public sealed class TalkExportFilter(TalkAccessScope scope, SensitiveRecordExport rule) : IContentExportFilter
{
    public IReadOnlyCollection<string> ContentTypes => scope.ContentTypes;

    public Task<IReadOnlyList<ContentItem>> FilterAsync(
        ClaimsPrincipal? user, IReadOnlyList<ContentItem> items, CancellationToken cancellationToken)
        => rule.FilterAsync(user, items, TalkAccessScope.ContentType, scope.VisibleItemIdsAsync,
            i => i.As<TalkPart>().Record(i.ContentItemId), cancellationToken);
}
