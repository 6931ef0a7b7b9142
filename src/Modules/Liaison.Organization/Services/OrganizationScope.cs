using System.Security.Claims;
using Liaison.Organization.Data;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Organization.Services;

/// <summary>
/// Where a user stands: the committee (every branch), a branch secretary (the branches they manage), a member
/// (their own records), or nobody. Every query of rosters, contacts and pairs starts from this.
/// </summary>
internal sealed record UserScope(bool AllBranches, IReadOnlyList<string> BranchIds, PartyMember? Member)
{
    public static readonly UserScope None = new(false, [], null);

    /// <summary>Whether the user manages the records of the branch.</summary>
    public bool ManagesBranch(string? branchId) => AllBranches || (branchId is not null && BranchIds.Contains(branchId));

    public bool ManagesAnyBranch => AllBranches || BranchIds.Count > 0;
}

/// <summary>Computes <see cref="UserScope"/> once per request and offers the scoped roster queries.</summary>
internal sealed class OrganizationScope(LiaisonDbContext db, IPermissionService permissions)
{
    private readonly Dictionary<string, UserScope> _cache = new(StringComparer.OrdinalIgnoreCase);

    public async Task<UserScope> GetAsync(ClaimsPrincipal user)
    {
        var name = user.Identity?.IsAuthenticated == true ? user.Identity.Name : null;
        if (string.IsNullOrEmpty(name))
        {
            return UserScope.None;
        }

        if (_cache.TryGetValue(name, out var cached))
        {
            return cached;
        }

        var member = await db.Set<PartyMember>().AsNoTracking().FirstOrDefaultAsync(m => m.UserName == name && m.Active);
        var all = await permissions.HasPermissionAsync(user, Permissions.ManageAll.Name);
        IReadOnlyList<string> branches = !all && member is not null
            && await permissions.HasPermissionAsync(user, Permissions.ManageBranch.Name)
                ? [member.BranchId]
                : [];
        return _cache[name] = new UserScope(all, branches, member);
    }

    /// <summary>The members the user manages (committee: all; secretary: their branch; others: none).</summary>
    public IQueryable<PartyMember> ManagedMembers(UserScope scope)
    {
        var members = db.Set<PartyMember>().AsQueryable();
        if (scope.AllBranches)
        {
            return members;
        }

        var branches = scope.BranchIds.ToList();
        return members.Where(m => branches.Contains(m.BranchId));
    }

    /// <summary>The masses the user manages, by the branch they are assigned to.</summary>
    public IQueryable<MassPerson> ManagedPersons(UserScope scope)
    {
        var persons = db.Set<MassPerson>().AsQueryable();
        if (scope.AllBranches)
        {
            return persons;
        }

        var branches = scope.BranchIds.ToList();
        return persons.Where(p => p.BranchId != null && branches.Contains(p.BranchId));
    }

    /// <summary>Published organizations, for pickers and names.</summary>
    public IQueryable<OrganizationIndex> Organizations()
        => db.Set<OrganizationIndex>().AsNoTracking().Where(o => o.Published);
}
