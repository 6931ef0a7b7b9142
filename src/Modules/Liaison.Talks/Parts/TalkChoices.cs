using System.Security.Claims;
using Liaison.Contacts.Contracts;
using Liaison.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Talks.Parts;

/// <summary>Someone to talk with: a person of the roster (a contact of the member or not), or a member (<see cref="IsMember"/>).</summary>
public sealed record TalkPersonChoice(int Id, string Label, bool IsContact, bool IsMember = false)
{
    /// <summary>The value the form posts as <c>PersonId</c>: the person's id, or "m:" and the member's id.</summary>
    public string Value => IsMember ? "m:" + Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public bool IsChosen(TalkPart part) => IsMember ? part.PartnerMemberId == Id : part.PartnerMemberId is null && part.PersonId == Id;
}

public sealed record TalkMemberChoice(int Id, string Label);

/// <summary>
/// The choices of the talk forms: the member's contacts first, then the rest of their branch's roster, then the
/// branch's members (a talk between members, such as the feedback talk after a democratic appraisal).
/// </summary>
public sealed class TalkChoices(IRosterQueries roster, IContactQueries contacts)
{
    public async Task<IReadOnlyList<TalkPersonChoice>> PersonsForAsync(int memberId, string branchId)
    {
        var mine = await (from c in contacts.Contacts()
                          join p in roster.Persons() on c.PersonId equals p.Id
                          where c.MemberId == memberId
                          orderby p.Number
                          select new { p.Id, p.Number, p.Name }).Distinct().ToListAsync();
        var ids = mine.Select(m => m.Id).ToHashSet();
        var others = await roster.Persons().Where(p => p.Active && p.BranchId == branchId)
            .OrderBy(p => p.Number).Select(p => new { p.Id, p.Number, p.Name }).Take(2000).ToListAsync();
        var members = await roster.Members().Where(m => m.Active && m.BranchId == branchId && m.Id != memberId)
            .OrderBy(m => m.Number).Select(m => new TalkPersonChoice(m.Id, m.Name + " (" + m.Number + ")", false, true)).ToListAsync();
        return [.. mine.Select(m => new TalkPersonChoice(m.Id, $"{m.Name} ({m.Number})", true)),
            .. others.Where(o => !ids.Contains(o.Id)).Select(o => new TalkPersonChoice(o.Id, $"{o.Name} ({o.Number})", false)), .. members];
    }

    /// <summary>Persons for the admin editor: those of the branches the user manages, or the member's own choices.</summary>
    public async Task<IReadOnlyList<TalkPersonChoice>> PersonsForUserAsync(ClaimsPrincipal user)
    {
        var scope = await roster.ScopeAsync(user);
        if (!scope.ManagesAnyBranch)
        {
            return scope.Member is { } me ? await PersonsForAsync(me.Id, me.BranchId) : [];
        }

        var persons = await roster.ManagedPersons(scope).Where(p => p.Active).OrderBy(p => p.Number).Take(2000)
            .Select(p => new TalkPersonChoice(p.Id, p.Name + " (" + p.Number + ")", false)).ToListAsync();
        var members = await roster.ManagedMembers(scope).Where(m => m.Active).OrderBy(m => m.Number)
            .Select(m => new TalkPersonChoice(m.Id, m.Name + " (" + m.Number + ")", false, true)).ToListAsync();
        return [.. persons, .. members];
    }

    /// <summary>The members whose talks the user may record: their own, and those of the branches they manage.</summary>
    public async Task<IReadOnlyList<TalkMemberChoice>> MembersForAsync(ClaimsPrincipal user)
    {
        var scope = await roster.ScopeAsync(user);
        var managed = await roster.ManagedMembers(scope).Where(m => m.Active).OrderBy(m => m.Number)
            .Select(m => new TalkMemberChoice(m.Id, m.Name + " (" + m.Number + ")")).ToListAsync();
        if (scope.Member is { } me && managed.All(m => m.Id != me.Id))
        {
            managed.Insert(0, new(me.Id, $"{me.Name} ({me.Number})"));
        }

        return managed;
    }

    public async Task<(string? Member, string? Person)> NamesAsync(TalkPart part)
        => (await roster.Members().Where(m => m.Id == part.MemberId).Select(m => m.Name).FirstOrDefaultAsync(),
            part.PartnerMemberId is { } partner
                ? await roster.Members().Where(m => m.Id == partner).Select(m => m.Name).FirstOrDefaultAsync()
                : await roster.Persons().Where(p => p.Id == part.PersonId).Select(p => p.Name).FirstOrDefaultAsync());
}
