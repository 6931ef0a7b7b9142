using System.Security.Claims;
using Liaison.Contacts.Contracts;
using Liaison.Contacts.Parts;
using LiaisonSite.Core.ContentManagement;

namespace Liaison.Contacts.Security;

/// <summary>
/// Exports (the recipe export, the contacts spreadsheet) carry only the contacts the user may see, and the sensitive
/// categories only with <see cref="Permissions.ExportSensitive"/>; every sensitive contact exported is logged.
/// </summary>
public sealed class ContactExportFilter(ContactAccessScope scope, SensitiveRecordExport rule) : IContentExportFilter
{
    public IReadOnlyCollection<string> ContentTypes => scope.ContentTypes;

    public Task<IReadOnlyList<ContentItem>> FilterAsync(
        ClaimsPrincipal? user, IReadOnlyList<ContentItem> items, CancellationToken cancellationToken)
        => rule.FilterAsync(user, items, ContactAccessScope.ContentType, scope.VisibleItemIdsAsync,
            i => i.As<ContactPart>().Record(i.ContentItemId), cancellationToken);
}
