using System.Security.Claims;
using Liaison.Contacts.Parts;
using Liaison.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Contacts.Audit;

/// <summary>One sensitive assignment seen: the item, its part.</summary>
public sealed record SeenContact(string ContentItemId, ContactPart Part);

/// <summary>
/// Writes the access log rows for views and exports of the sensitive categories (2 and 4, SPEC R1) through
/// Organization's <see cref="IAccessLogWriter"/>, the one writer of that log. Rows are staged in the request's unit
/// of work; the caller saves.
/// </summary>
public sealed class ContactAccessLog(IRosterQueries roster, IAccessLogWriter writer)
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
        var names = await roster.Persons()
            .Where(p => personIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name);
        foreach (var contact in sensitive)
        {
            writer.Add(user, action, contact.Part.PersonId, names.GetValueOrDefault(contact.Part.PersonId),
                contact.Part.BranchId, contact.Part.Category, contact.ContentItemId, detail);
        }

        return sensitive.Count;
    }
}
