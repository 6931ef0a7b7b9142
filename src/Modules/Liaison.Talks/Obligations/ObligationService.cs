using System.Security.Claims;
using Liaison.Contacts.Contracts;
using Liaison.Organization.Contracts;
using Liaison.Talks.Contracts;
using Liaison.Talks.Data;
using Liaison.Talks.Parts;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace Liaison.Talks.Obligations;

public enum ObligationStatus
{
    Due,
    Overdue,
    Closed,
}

/// <summary>A mandatory talk as lists show it.</summary>
public sealed record ObligationRow(
    int Id, int MemberId, string MemberName, int PersonId, string PersonName, string BranchId, int Occasion,
    DateOnly EventDate, DateOnly DueDate, DateOnly? ClosedDate, string? TalkContentItemId, ObligationStatus Status);

/// <summary>An obligation and the name of the person or member the talk is to be held with.</summary>
public sealed class ObligationWithPartner
{
    public TalkObligation Obligation { get; init; } = null!;

    public string? PartnerName { get; init; }
}

/// <summary>What a secretary (or the import) records.</summary>
public sealed record PersonnelEventInput(int PersonId, int Kind, DateOnly? Date, string? Note, int? AssignedMemberId);

public sealed record RecordResult(PersonnelEvent? Event, int Obligations, IReadOnlyDictionary<string, string> Errors);

/// <summary>A personnel event checked before recording: the person's branch, the members a talk falls due for, or errors.</summary>
public sealed record EventCheck(string PersonBranchId, IReadOnlyList<(int Id, string BranchId)> Members, IReadOnlyDictionary<string, string> Errors);

/// <summary>
/// 五必谈 (SPEC R3): recording a personnel event makes a talk due for every member who contacts the person (or the
/// member the secretary assigns) within <c>Liaison:Talks:MandatoryTalkDays</c> (15) days; a talk on that occasion
/// with that person closes it; past its due date it is overdue. Everything is staged; the caller saves.
/// </summary>
public sealed class ObligationService(
    LiaisonDbContext db, IRosterQueries roster, IContactQueries contacts, ISchoolClock clock, IConfiguration configuration,
    IStringLocalizer<ObligationService> S) : IFeedbackTalks
{
    public int DeadlineDays => Math.Clamp(configuration.GetValue("Liaison:Talks:MandatoryTalkDays", 15), 1, 365);

    /// <summary>Records the event when the user may (the person is in a branch they manage; null user: recipes).</summary>
    public async Task<RecordResult> RecordAsync(ClaimsPrincipal? user, PersonnelEventInput input, string recordedBy)
    {
        var check = await CheckAsync(user, input);
        if (check.Errors.Count > 0)
        {
            return new(null, 0, check.Errors);
        }

        var e = new PersonnelEvent
        {
            PersonId = input.PersonId, BranchId = check.PersonBranchId, Kind = input.Kind, Date = input.Date!.Value,
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(), RecordedBy = recordedBy, RecordedUtc = clock.UtcNow,
        };
        db.Add(e);
        foreach (var (memberId, branchId) in check.Members)
        {
            db.Add(new TalkObligation
            {
                Event = e, MemberId = memberId, BranchId = branchId, PersonId = e.PersonId, Occasion = e.Kind,
                EventDate = e.Date, DueDate = e.Date.AddDays(DeadlineDays),
            });
        }

        return new(e, check.Members.Count, check.Errors);
    }

    /// <summary>
    /// What recording the event would do, without doing it: the errors, or the members a talk falls due for. The import's
    /// preview shows it for every row.
    /// </summary>
    public async Task<EventCheck> CheckAsync(ClaimsPrincipal? user, PersonnelEventInput input)
    {
        var errors = new Dictionary<string, string>();
        var scope = user is null ? null : await roster.ScopeAsync(user);
        var persons = scope is null ? roster.Persons() : roster.ManagedPersons(scope);
        var person = await persons.Where(p => p.Id == input.PersonId).Select(p => new { p.Id, p.BranchId }).FirstOrDefaultAsync();
        if (person is null)
        {
            errors[nameof(input.PersonId)] = S["Choose a person of the branches you manage."];
        }

        if (!TalkOccasions.IsMandatory(input.Kind))
        {
            errors[nameof(input.Kind)] = S["Choose what happened."];
        }

        if (input.Date is not { } date || date.Year < 2000 || date > clock.Today.AddDays(366))
        {
            errors[nameof(input.Date)] = S["Enter the date of the event, such as 2026-09-01."];
        }

        if (input.Note is { Length: > PersonnelEvent.MaxNoteLength })
        {
            errors[nameof(input.Note)] = S["The note can have at most {0} characters.", PersonnelEvent.MaxNoteLength];
        }

        var members = new List<(int Id, string BranchId)>();
        if (input.AssignedMemberId is { } assigned)
        {
            var managed = scope is null ? roster.Members() : roster.ManagedMembers(scope);
            var m = await managed.Where(x => x.Id == assigned && x.Active).Select(x => new { x.Id, x.BranchId }).FirstOrDefaultAsync();
            if (m is null)
            {
                errors[nameof(input.AssignedMemberId)] = S["Choose a member of the branches you manage."];
            }
            else
            {
                members.Add((m.Id, m.BranchId));
            }
        }
        else if (person is not null && input.Date is { } eventDate)
        {
            var rows = await (from c in contacts.Contacts()
                              join m in roster.Members() on c.MemberId equals m.Id
                              where c.PersonId == person.Id && m.Active
                                  && (c.StartDate == null || c.StartDate <= eventDate) && (c.EndDate == null || c.EndDate >= eventDate)
                              select new { m.Id, m.BranchId }).Distinct().ToListAsync();
            members.AddRange(rows.Select(r => (r.Id, r.BranchId)));
            if (members.Count == 0)
            {
                errors[nameof(input.AssignedMemberId)] = S["No member contacts this person: choose the member who is to talk with them."];
            }
        }

        return new(person?.BranchId ?? "", [.. members.Distinct()], errors);
    }

    public async Task<bool> AssignAsync(FeedbackTalk talk)
    {
        var talker = await roster.Members().Where(m => m.Id == talk.TalkerMemberId).Select(m => new { m.Id, m.BranchId }).FirstOrDefaultAsync();
        if (talker is null || talk.PartnerMemberId == talk.TalkerMemberId
            || db.ChangeTracker.EntriesAsTracked<TalkObligation>().Any(e => e.Entity.Source == talk.Source && e.Entity.PartnerMemberId == talk.PartnerMemberId)
            || await db.Set<TalkObligation>().AnyAsync(o => o.Source == talk.Source && o.PartnerMemberId == talk.PartnerMemberId))
        {
            return false;
        }

        db.Add(new TalkObligation
        {
            MemberId = talker.Id, BranchId = talker.BranchId, PartnerMemberId = talk.PartnerMemberId, Source = talk.Source,
            Occasion = TalkOccasions.AppraisalFeedback, EventDate = talk.Date, DueDate = talk.Date.AddDays(DeadlineDays),
        });
        return true;
    }

    public async Task<IReadOnlyDictionary<int, bool>> OfSourceAsync(string source)
        => await db.Set<TalkObligation>().AsNoTracking().Where(o => o.Source == source && o.PartnerMemberId != null)
            .ToDictionaryAsync(o => o.PartnerMemberId!.Value, o => o.ClosedDate != null);

    /// <summary>Closes the open obligations a talk answers: same member, person and occasion, on or after the event.</summary>
    public async Task CloseByTalkAsync(string talkId, TalkPart part)
    {
        if (!TalkOccasions.IsMandatory(part.Occasion) || part.Date is not { } date)
        {
            return;
        }

        var open = db.Set<TalkObligation>()
            .Where(o => o.ClosedDate == null && o.MemberId == part.MemberId && o.Occasion == part.Occasion && o.EventDate <= date);
        open = part.PartnerMemberId is { } partner
            ? open.Where(o => o.PartnerMemberId == partner)
            : open.Where(o => o.PersonId == part.PersonId);
        foreach (var o in await open.ToListAsync())
        {
            o.ClosedDate = date;
            o.TalkContentItemId = talkId;
        }
    }

    public static ObligationStatus StatusOf(DateOnly? closed, DateOnly due, DateOnly today)
        => closed is not null ? ObligationStatus.Closed : due < today ? ObligationStatus.Overdue : ObligationStatus.Due;

    /// <summary>The obligations of the member (their own page).</summary>
    public Task<List<ObligationRow>> ForMemberAsync(int memberId)
        => RowsAsync(db.Set<TalkObligation>().Where(o => o.MemberId == memberId));

    /// <summary>The obligations the user may see: committee all, secretary their branch, member their own.</summary>
    public async Task<List<ObligationRow>> VisibleAsync(ClaimsPrincipal user)
    {
        var scope = await roster.ScopeAsync(user);
        var rows = db.Set<TalkObligation>().AsQueryable();
        if (!scope.AllBranches)
        {
            var branches = scope.BranchIds.ToList();
            var memberId = scope.Member?.Id ?? -1;
            rows = rows.Where(o => branches.Contains(o.BranchId) || o.MemberId == memberId);
        }

        return await RowsAsync(rows);
    }

    /// <summary>
    /// Each obligation with the name of whom the talk is to be held with: the person, or the member (subqueries, so one
    /// round trip). The lists and the reminders show it.
    /// </summary>
    public IQueryable<ObligationWithPartner> WithPartnerNames(IQueryable<TalkObligation> obligations)
    {
        var persons = roster.Persons();
        var members = roster.Members();
        return obligations.Select(o => new ObligationWithPartner
        {
            Obligation = o,
            PartnerName = o.PersonId != null
                ? persons.Where(p => p.Id == o.PersonId).Select(p => p.Name).FirstOrDefault()
                : members.Where(m => m.Id == o.PartnerMemberId).Select(m => m.Name).FirstOrDefault(),
        });
    }

    private async Task<List<ObligationRow>> RowsAsync(IQueryable<TalkObligation> obligations)
    {
        var today = clock.Today;
        var rows = await (from x in WithPartnerNames(obligations)
                          join m in roster.Members() on x.Obligation.MemberId equals m.Id
                          orderby x.Obligation.ClosedDate != null, x.Obligation.DueDate
                          select new { o = x.Obligation, MemberName = m.Name, x.PartnerName }).AsNoTracking().Take(500).ToListAsync();
        return [.. rows.Select(r => new ObligationRow(r.o.Id, r.o.MemberId, r.MemberName, r.o.PersonId ?? 0, r.PartnerName ?? "", r.o.BranchId,
            r.o.Occasion, r.o.EventDate, r.o.DueDate, r.o.ClosedDate, r.o.TalkContentItemId, StatusOf(r.o.ClosedDate, r.o.DueDate, today)))];
    }
}
