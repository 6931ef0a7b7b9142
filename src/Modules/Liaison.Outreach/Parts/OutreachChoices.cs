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

    public Task<string?> NameAsync(int memberId) => roster.Members().Where(m => m.Id == memberId).Select(m => m.Name).FirstOrDefaultAsync();
}
