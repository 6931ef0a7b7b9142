using System.Security.Claims;
using Liaison.Contacts.Contracts;
using Liaison.Contacts.Data;
using Liaison.Contacts.Parts;
using Liaison.Organization.Contracts;
using Liaison.ContentParts;
using Liaison.Pairing.Services;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Contacts.MyWork;

public sealed record MyContact(
    string ContentItemId, int Category, int PersonId, string PersonName, PersonKind PersonKind, string PersonNumber, string? PersonDetail,
    string? PhoneMasked, DateOnly? StartDate, DateOnly? EndDate, bool Active);

public sealed record MyPartner(string Name, PersonKind Kind, string Number, string? Detail);

public sealed record MyContactPoint(ContactPointKind Kind, string Text);

public enum DueKind
{
    Ended,
    EndsSoon,
    NoStartDate,
}

public sealed record DueItem(MyContact Contact, DueKind Kind);

/// <summary>Everything on 我的联系工作, all of it the signed-in member's own.</summary>
public sealed record MyWorkModel(
    RosterMember? Member, IReadOnlyList<MyContact> Contacts, string? Term, IReadOnlyList<MyPartner> Partners,
    IReadOnlyList<MyContactPoint> Points, IReadOnlyList<DueItem> Due, bool CanReveal, IReadOnlyDictionary<string, string> Revealed,
    IReadOnlyList<Contracts.MyWorkSection> Sections);

/// <summary>
/// Reads the member's own contacts, partners of the current term, contact points and what is due. Everything is
/// found from the member row of the signed-in user (never from a parameter), so it cannot show anyone else's.
/// </summary>
public sealed class MyWorkService(
    LiaisonDbContext db, IRosterQueries roster, SensitiveRecordLog log, PairQueries pairs, ISchoolClock clock)
{
    /// <summary>How far ahead an ending assignment is shown as due.</summary>
    public const int DueWithinDays = 30;

    public async Task<RosterMember?> MemberAsync(ClaimsPrincipal user) => (await roster.ScopeAsync(user)).Member;

    public async Task<IReadOnlyList<MyContact>> ContactsAsync(RosterMember member)
    {
        var today = ContactDates.Today(clock);
        var rows = await (from x in db.Set<ContactIndex>().AsNoTracking()
                          join p in roster.Persons() on x.PersonId equals p.Id
                          where x.Latest && x.MemberId == member.Id
                          orderby x.Category, p.Number
                          select new
                          {
                              x.ContentItemId, x.Category, p.Id, p.Name, p.Kind, p.Number,
                              Detail = p.Kind == PersonKind.Student ? p.Grade + " " + p.ClassName : (p.UnitName ?? p.Post),
                              Masked = p.PhoneMasked, x.StartDate, x.EndDate,
                          }).ToListAsync();
        return [.. rows.Select(r => new MyContact(r.ContentItemId, r.Category, r.Id, r.Name, r.Kind, r.Number, r.Detail, r.Masked,
            r.StartDate, r.EndDate, ContactDates.IsActive(r.StartDate, r.EndDate, today)))];
    }

    /// <summary>Writes the access log for the sensitive contacts the member is about to be shown.</summary>
    public async Task LogViewAsync(ClaimsPrincipal user, RosterMember member, IEnumerable<MyContact> contacts)
    {
        var seen = contacts.Select(c => new SensitiveRecord(c.ContentItemId, c.PersonId, member.BranchId, c.Category));
        await log.AddAndSaveAsync(db, user, seen, AccessActions.ViewContact, "my-work");
    }

    /// <summary>Confirmed partners of the current school term.</summary>
    public async Task<(string? Term, IReadOnlyList<MyPartner> Partners)> PartnersAsync(RosterMember member)
    {
        var term = clock.Term.Key;
        var partners = await pairs.PartnersOfAsync(member.Id, term);
        return (term, [.. partners.Select(p => new MyPartner(p.Name, p.Kind, p.Number,
            p.Kind == PersonKind.Student ? p.Grade + " " + p.ClassName : p.Post))]);
    }

    public async Task<IReadOnlyList<MyContactPoint>> PointsAsync(RosterMember member)
        => await roster.ContactPoints()
            .Where(c => c.MemberId == member.Id)
            .OrderBy(c => c.Kind)
            .Select(c => new MyContactPoint(c.Kind, c.UnitName ?? c.Value ?? ""))
            .ToListAsync();

    /// <summary>Ended or ending within 30 days and not renewed (no later assignment of the same person and category), or no start date.</summary>
    public IReadOnlyList<DueItem> Due(IReadOnlyList<MyContact> contacts)
    {
        var today = ContactDates.Today(clock);
        var due = new List<DueItem>();
        foreach (var c in contacts)
        {
            var renewed = contacts.Any(o => o.ContentItemId != c.ContentItemId && o.PersonId == c.PersonId && o.Category == c.Category
                && (o.EndDate is null || (c.EndDate is not null && o.EndDate > c.EndDate)));
            if (c.EndDate is { } end && !renewed && end <= today.AddDays(DueWithinDays))
            {
                due.Add(new(c, end < today ? DueKind.Ended : DueKind.EndsSoon));
            }
            else if (c.StartDate is null && c.Active)
            {
                due.Add(new(c, DueKind.NoStartDate));
            }
        }

        return due;
    }
}
