using System.Security.Claims;
using Liaison.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Outreach.Parts;

public sealed record MemberChoice(int Id, string Label);

/// <summary>The members a user may record a forum or reception day for: themselves and their branches' members.</summary>
public sealed class OutreachChoices(IRosterQueries roster)
{
    public async Task<IReadOnlyList<MemberChoice>> MembersAsync(ClaimsPrincipal user)
    {
        var scope = await roster.ScopeAsync(user);
        var list = await roster.ManagedMembers(scope).Where(m => m.Active).OrderBy(m => m.Number)
            .Select(m => new MemberChoice(m.Id, m.Name + " (" + m.Number + ")")).ToListAsync();
        if (scope.Member is { } me && list.All(m => m.Id != me.Id))
        {
            list.Insert(0, new(me.Id, $"{me.Name} ({me.Number})"));
        }

        return list;
    }

    /// <summary>Members who may attend a forum: every active member (a committee forum brings branches together).</summary>
    public Task<List<MemberChoice>> AttendingMembersAsync()
        => roster.Members().Where(m => m.Active).OrderBy(m => m.Number).Take(5000)
            .Select(m => new MemberChoice(m.Id, m.Name + " (" + m.Number + ")")).ToListAsync();

    /// <summary>
    /// Staff and students who may be named as attending: those of the branches the user manages, or of their own branch
    /// (a member hosting a branch forum), as the talk form offers them.
    /// </summary>
    public async Task<List<MemberChoice>> AttendingPersonsAsync(ClaimsPrincipal user)
    {
        var scope = await roster.ScopeAsync(user);
        var persons = scope.ManagesAnyBranch ? roster.ManagedPersons(scope)
            : scope.Member is { } me ? roster.Persons().Where(p => p.BranchId == me.BranchId)
            : roster.Persons().Where(p => false);
        return await persons.Where(p => p.Active).OrderBy(p => p.Number).Take(5000)
            .Select(p => new MemberChoice(p.Id, p.Name + " (" + p.Number + ")")).ToListAsync();
    }

    /// <summary>Names of members and persons by id, for a forum's display.</summary>
    public async Task<(List<string> Members, List<string> Persons)> AttendeeNamesAsync(IReadOnlyCollection<int> memberIds, IReadOnlyCollection<int> personIds)
        => (await roster.Members().Where(m => memberIds.Contains(m.Id)).OrderBy(m => m.Number).Select(m => m.Name).ToListAsync(),
            await roster.Persons().Where(p => personIds.Contains(p.Id)).OrderBy(p => p.Number).Select(p => p.Name).ToListAsync());

    public Task<string?> NameAsync(int memberId) => roster.Members().Where(m => m.Id == memberId).Select(m => m.Name).FirstOrDefaultAsync();
}
