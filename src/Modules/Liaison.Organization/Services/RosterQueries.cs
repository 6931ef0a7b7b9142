using System.Security.Claims;
using Liaison.Organization.Data;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Organization.Services;

/// <summary>Organization's published roster queries (<see cref="IRosterQueries"/>), projections of its own tables.</summary>
internal sealed class RosterQueries(LiaisonDbContext db, OrganizationScope organization, PersonalDataProtector protector) : IRosterQueries
{
    public async Task<RosterScope> ScopeAsync(ClaimsPrincipal user)
    {
        var scope = await organization.GetAsync(user);
        var member = scope.Member is { } own ? await Members().FirstOrDefaultAsync(m => m.Id == own.Id) : null;
        return new RosterScope(scope.AllBranches, scope.BranchIds, member);
    }

    public IQueryable<RosterMember> Members() => Project(db.Set<PartyMember>().AsNoTracking());

    public IQueryable<RosterMember> ManagedMembers(RosterScope scope)
        => Project(organization.ManagedMembers(ToUserScope(scope)).AsNoTracking());

    public IQueryable<RosterPerson> Persons() => Project(db.Set<MassPerson>().AsNoTracking());

    public IQueryable<RosterPerson> ManagedPersons(RosterScope scope)
        => Project(organization.ManagedPersons(ToUserScope(scope)).AsNoTracking());

    public IQueryable<RosterOrganization> Organizations()
        => organization.Organizations().Select(o => new RosterOrganization
        {
            Id = o.ContentItemId,
            Name = o.Name,
            IsBranch = o.Kind == OrganizationKind.Branch,
        });

    public IQueryable<RosterUnit> Units()
        => db.Set<Unit>().AsNoTracking().Select(u => new RosterUnit { Id = u.Id, Name = u.Name });

    public IQueryable<RosterContactPoint> ContactPoints()
        => db.Set<ContactPoint>().AsNoTracking().Select(c => new RosterContactPoint
        {
            MemberId = c.MemberId,
            Kind = c.Kind,
            Value = c.Value,
            UnitId = c.UnitId,
            UnitName = c.Unit != null ? c.Unit.Name : null,
        });

    public async Task<string?> RevealPersonPhoneAsync(int personId)
        => await db.Set<MassPerson>().AsNoTracking().Where(p => p.Id == personId).Select(p => p.Phone).FirstOrDefaultAsync() is { } phone
            ? protector.Reveal(phone)
            : null;

    // Only the branches matter for the managed sets; the member row is not needed there.
    private static UserScope ToUserScope(RosterScope scope) => new(scope.AllBranches, scope.BranchIds, null);

    private static IQueryable<RosterMember> Project(IQueryable<PartyMember> members) => members.Select(m => new RosterMember
    {
        Id = m.Id,
        Number = m.Number,
        Name = m.Name,
        BranchId = m.BranchId,
        UserName = m.UserName,
        UnitId = m.UnitId,
        UnitName = m.Unit != null ? m.Unit.Name : null,
        Subject = m.Subject,
        PartyPost = m.PartyPost,
        ResponsibilityArea = m.ResponsibilityArea,
        Active = m.Active,
    });

    private static IQueryable<RosterPerson> Project(IQueryable<MassPerson> persons) => persons.Select(p => new RosterPerson
    {
        Id = p.Id,
        Kind = p.Kind,
        Number = p.Number,
        Name = p.Name,
        BranchId = p.BranchId,
        UnitId = p.UnitId,
        UnitName = p.Unit != null ? p.Unit.Name : null,
        Post = p.Post,
        Subject = p.Subject,
        Grade = p.Grade,
        ClassName = p.ClassName,
        PhoneMasked = p.Phone.Masked,
        Active = p.Active,
    });
}
