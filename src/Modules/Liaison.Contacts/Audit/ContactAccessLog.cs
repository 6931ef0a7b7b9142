using System.Security.Claims;
using Liaison.Contacts.Parts;
using Liaison.Organization.Data;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Contacts.Audit;

/// <summary>One sensitive assignment seen: the item, its part.</summary>
public sealed record SeenContact(string ContentItemId, ContactPart Part);

/// <summary>
/// Writes the access log rows for views and exports of the sensitive categories (2 and 4, SPEC R1). Rows are
/// staged in the request's unit of work; the caller saves.
/// </summary>
public sealed class ContactAccessLog(LiaisonDbContext db, TimeProvider clock)
{
    /// <summary>Stages a row per sensitive contact among <paramref name="seen"/>; returns how many.</summary>
    public async Task<int> AddAsync(ClaimsPrincipal user, IEnumerable<SeenContact> seen, string action, string detail)
    {
        var sensitive = seen.Where(s => ContactCategories.IsSensitive(s.Part.Category)).ToList();
        if (sensitive.Count == 0)
        {
            return 0;
        }

        var personIds = sensitive.Select(s => s.Part.PersonId).Distinct().ToList();
        var names = await db.Set<MassPerson>().AsNoTracking()
            .Where(p => personIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name);
        var now = clock.GetUtcNow().UtcDateTime;
        var userName = user.Identity?.IsAuthenticated == true ? user.Identity.Name ?? "" : "";
        foreach (var contact in sensitive)
        {
            db.Set<PersonalDataAccess>().Add(new PersonalDataAccess
            {
                Utc = now,
                UserName = userName,
                Action = action,
                PersonId = contact.Part.PersonId,
                PersonName = names.GetValueOrDefault(contact.Part.PersonId),
                ContentItemId = contact.ContentItemId,
                Category = contact.Part.Category,
                BranchId = contact.Part.BranchId,
                Detail = detail,
            });
        }

        return sensitive.Count;
    }
}
