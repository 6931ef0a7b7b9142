using Liaison.Organization.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Contacts.Parts;

public sealed record MemberChoice(int Id, string Number, string Name);

public sealed record PersonChoice(int Id, PersonKind Kind, string Number, string Name, string? Detail);

/// <summary>The member and person of an assignment as the views show them.</summary>
public sealed record ContactNames(MemberChoice? Member, PersonChoice? Person, string? BranchName);

/// <summary>The pickers' choices (what the signed-in user manages) and the names shown on a contact.</summary>
public sealed class ContactChoices(IRosterQueries roster, IHttpContextAccessor httpContextAccessor)
{
    public async Task<IReadOnlyList<MemberChoice>> MembersAsync()
    {
        var scope = await ScopeAsync();
        return await roster.ManagedMembers(scope)
            .Where(m => m.Active)
            .OrderBy(m => m.Number)
            .Select(m => new MemberChoice(m.Id, m.Number, m.Name))
            .ToListAsync();
    }

    public async Task<IReadOnlyList<PersonChoice>> PersonsAsync()
    {
        var scope = await ScopeAsync();
        return await roster.ManagedPersons(scope)
            .Where(p => p.Active)
            .OrderBy(p => p.Kind).ThenBy(p => p.Number)
            .Select(p => new PersonChoice(p.Id, p.Kind, p.Number, p.Name,
                p.Kind == PersonKind.Student ? p.Grade + " " + p.ClassName : (p.UnitName ?? p.Post)))
            .ToListAsync();
    }

    /// <summary>Names for one assignment the caller is already allowed to see (the item was authorized).</summary>
    public async Task<ContactNames> NamesAsync(ContactPart part)
    {
        var member = await roster.Members().Where(m => m.Id == part.MemberId)
            .Select(m => new MemberChoice(m.Id, m.Number, m.Name)).FirstOrDefaultAsync();
        var person = await roster.Persons().Where(p => p.Id == part.PersonId)
            .Select(p => new PersonChoice(p.Id, p.Kind, p.Number, p.Name,
                p.Kind == PersonKind.Student ? p.Grade + " " + p.ClassName : (p.UnitName ?? p.Post)))
            .FirstOrDefaultAsync();
        var branch = await roster.Organizations().Where(o => o.Id == part.BranchId)
            .Select(o => o.Name).FirstOrDefaultAsync();
        return new ContactNames(member, person, branch);
    }

    private Task<RosterScope> ScopeAsync()
        => httpContextAccessor.HttpContext?.User is { } user ? roster.ScopeAsync(user) : Task.FromResult(RosterScope.None);
}
