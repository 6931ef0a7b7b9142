using System.Security.Claims;
using Liaison.Contacts.Contracts;
using Liaison.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Talks.Parts;

public sealed record TalkPersonChoice(int Id, string Label, bool IsContact);

public sealed record TalkMemberChoice(int Id, string Label);

/// <summary>The choices of the talk forms: the member's contacts first, then the rest of their branch's roster.</summary>
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
        return [.. mine.Select(m => new TalkPersonChoice(m.Id, $"{m.Name} ({m.Number})", true)),
            .. others.Where(o => !ids.Contains(o.Id)).Select(o => new TalkPersonChoice(o.Id, $"{o.Name} ({o.Number})", false))];
    }

    /// <summary>Persons for the admin editor: those of the branches the user manages, or the member's own choices.</summary>
    public async Task<IReadOnlyList<TalkPersonChoice>> PersonsForUserAsync(ClaimsPrincipal user)
    {
        var scope = await roster.ScopeAsync(user);
        if (!scope.ManagesAnyBranch)
        {
            return scope.Member is { } me ? await PersonsForAsync(me.Id, me.BranchId) : [];
        }

        return await roster.ManagedPersons(scope).Where(p => p.Active).OrderBy(p => p.Number).Take(2000)
            .Select(p => new TalkPersonChoice(p.Id, p.Name + " (" + p.Number + ")", false)).ToListAsync();
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
            await roster.Persons().Where(p => p.Id == part.PersonId).Select(p => p.Name).FirstOrDefaultAsync());
}
