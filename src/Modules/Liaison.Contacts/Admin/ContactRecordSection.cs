using System.Security.Claims;
using Liaison.Contacts.Parts;
using Liaison.Organization.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Contacts.Admin;

/// <summary>
/// The member's contact assignments on their record in the roster (/admin/organization/members/{id}), from the same
/// scoped query as 联系对象 (a member's own, a secretary's branch, the committee all; nothing else is read). A person
/// in a sensitive category is not named here: opening the assignment shows them and writes the access log.
/// </summary>
internal sealed class ContactRecordSection(ContactListQuery query, ContactCategoryText categories, IStringLocalizer<ContactRecordSection> S)
    : IMemberRecordSection
{
    public int Order => 10;

    public async Task<MemberRecordSection?> BuildAsync(ClaimsPrincipal user, int memberId, CancellationToken cancellationToken)
    {
        var rows = await (await query.QueryAsync(user, new ContactListFilter { Member = memberId })).Take(50).ToListAsync(cancellationToken);
        var lines = rows.Select(r => new MemberRecordLine(
            categories.Name(r.Category),
            r.Sensitive ? S["Sensitive: open the assignment to see the name (recorded)"].Value : $"{r.PersonName} {r.PersonNumber}",
            S["{0} – {1}", Date(r.StartDate), Date(r.EndDate)].Value)).ToList();
        return new MemberRecordSection(S["Contacts"], lines, rows.Count == 0 ? S["This member has no contact assignments yet."].Value : null,
            S["Open the member's contact assignments"], $"/admin/contacts?member={memberId}");
    }

    private static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "—";
}
