using Liaison.Organization.Data;
using Liaison.Organization.Services;
using LiaisonSite.Core.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Contacts.Parts;

public sealed record MemberChoice(int Id, string Number, string Name);

public sealed record PersonChoice(int Id, PersonKind Kind, string Number, string Name, string? Detail);

/// <summary>The member and person of an assignment as the views show them.</summary>
public sealed record ContactNames(MemberChoice? Member, PersonChoice? Person, string? BranchName);

/// <summary>The pickers' choices (what the signed-in user manages) and the names shown on a contact.</summary>
public sealed class ContactChoices(OrganizationScope organization, LiaisonDbContext db, IHttpContextAccessor httpContextAccessor)
{
    public async Task<IReadOnlyList<MemberChoice>> MembersAsync()
    {
        var scope = await ScopeAsync();
        return await organization.ManagedMembers(scope).AsNoTracking()
            .Where(m => m.Active)
            .OrderBy(m => m.Number)
            .Select(m => new MemberChoice(m.Id, m.Number, m.Name))
            .ToListAsync();
    }

    public async Task<IReadOnlyList<PersonChoice>> PersonsAsync()
    {
        var scope = await ScopeAsync();
        return await organization.ManagedPersons(scope).AsNoTracking()
            .Where(p => p.Active)
            .OrderBy(p => p.Kind).ThenBy(p => p.Number)
            .Select(p => new PersonChoice(p.Id, p.Kind, p.Number, p.Name,
                p.Kind == PersonKind.Student ? p.Grade + " " + p.ClassName : (p.Unit != null ? p.Unit.Name : p.Post)))
            .ToListAsync();
    }

    /// <summary>Names for one assignment the caller is already allowed to see (the item was authorized).</summary>
    public async Task<ContactNames> NamesAsync(ContactPart part)
    {
        var member = await db.Set<PartyMember>().AsNoTracking().Where(m => m.Id == part.MemberId)
            .Select(m => new MemberChoice(m.Id, m.Number, m.Name)).FirstOrDefaultAsync();
        var person = await db.Set<MassPerson>().AsNoTracking().Where(p => p.Id == part.PersonId)
            .Select(p => new PersonChoice(p.Id, p.Kind, p.Number, p.Name,
                p.Kind == PersonKind.Student ? p.Grade + " " + p.ClassName : (p.Unit != null ? p.Unit.Name : p.Post)))
            .FirstOrDefaultAsync();
        var branch = await organization.Organizations().Where(o => o.ContentItemId == part.BranchId)
            .Select(o => o.Name).FirstOrDefaultAsync();
        return new ContactNames(member, person, branch);
    }

    private Task<UserScope> ScopeAsync()
        => httpContextAccessor.HttpContext?.User is { } user ? organization.GetAsync(user) : Task.FromResult(UserScope.None);
}
