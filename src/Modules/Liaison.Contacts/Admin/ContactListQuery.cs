using System.Security.Claims;
using Liaison.Contacts.Parts;
using Liaison.Contacts.Security;
using Liaison.Organization.Contracts;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Contacts.Admin;

/// <summary>The filters of the 联系对象 list; all optional.</summary>
public sealed class ContactListFilter
{
    public int? Member { get; set; }

    public int? Category { get; set; }

    public string? Branch { get; set; }

    /// <summary>"yes" running today, "no" ended or not started, anything else all.</summary>
    public string? Active { get; set; }

    public int? Page { get; set; }
}

public sealed record ContactRow(
    string ContentItemId, int MemberId, string MemberNumber, string MemberName, int PersonId, PersonKind PersonKind, string PersonNumber,
    string PersonName, int Category, bool Sensitive, string BranchId, string? BranchName, DateOnly? StartDate, DateOnly? EndDate)
{
    public ContactPart ToPart() => new() { MemberId = MemberId, PersonId = PersonId, Category = Category, BranchId = BranchId };
}

/// <summary>
/// The contacts the user may see (<see cref="ContactAccessScope"/>) joined with the roster names, filtered. The
/// scope is applied in the query, so nothing outside it is ever read.
/// </summary>
public sealed class ContactListQuery(ContactAccessScope scope, IRosterQueries roster, ISchoolClock clock)
{
    public async Task<IQueryable<ContactRow>> QueryAsync(ClaimsPrincipal user, ContactListFilter filter, string? contentItemId = null)
    {
        var rows = await scope.VisibleAsync(user);
        if (contentItemId is not null)
        {
            rows = rows.Where(x => x.ContentItemId == contentItemId);
        }
        if (filter.Member is { } memberId)
        {
            rows = rows.Where(x => x.MemberId == memberId);
        }

        if (filter.Category is { } category)
        {
            rows = rows.Where(x => x.Category == category);
        }

        if (!string.IsNullOrWhiteSpace(filter.Branch))
        {
            rows = rows.Where(x => x.BranchId == filter.Branch);
        }

        var today = ContactDates.Today(clock);
        rows = filter.Active switch
        {
            "yes" => rows.Where(x => (x.StartDate == null || x.StartDate <= today) && (x.EndDate == null || x.EndDate >= today)),
            "no" => rows.Where(x => !((x.StartDate == null || x.StartDate <= today) && (x.EndDate == null || x.EndDate >= today))),
            _ => rows,
        };

        var branches = roster.Organizations();
        return from x in rows
               join m in roster.Members() on x.MemberId equals m.Id
               join p in roster.Persons() on x.PersonId equals p.Id
               let branchName = branches.Where(o => o.Id == x.BranchId).Select(o => o.Name).FirstOrDefault()
               orderby m.Number, x.Category, p.Number
               select new ContactRow(x.ContentItemId, m.Id, m.Number, m.Name, p.Id, p.Kind, p.Number, p.Name, x.Category, x.Sensitive,
                   x.BranchId, branchName, x.StartDate, x.EndDate);
    }

    /// <summary>The members and branches the filter offers: what the user manages, or only themselves.</summary>
    public async Task<(IReadOnlyList<MemberChoice> Members, IReadOnlyList<(string Id, string Name)> Branches)> ChoicesAsync(ClaimsPrincipal user)
    {
        var userScope = await roster.ScopeAsync(user);
        var members = userScope.ManagesAnyBranch
            ? await roster.ManagedMembers(userScope).OrderBy(m => m.Number)
                .Select(m => new MemberChoice(m.Id, m.Number, m.Name)).ToListAsync()
            : userScope.Member is { } self ? [new MemberChoice(self.Id, self.Number, self.Name)] : [];
        var branchIds = userScope.BranchIds.ToList();
        var branches = await roster.Organizations()
            .Where(o => o.IsBranch && (userScope.AllBranches || branchIds.Contains(o.Id)))
            .OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name })
            .ToListAsync();
        return (members, [.. branches.Select(b => (b.Id, b.Name))]);
    }
}
