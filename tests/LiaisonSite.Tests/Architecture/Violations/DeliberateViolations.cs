using System.Security.Claims;
using Liaison.Organization.Data;
using Liaison.Organization.Services;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;

// Code that breaks the module boundaries on purpose, as another module might: ModuleBoundaryTests proves that the
// rules find each of these. Nothing registers or calls it.
namespace LiaisonSite.Tests.Architecture.Violations;

/// <summary>Reads Organization's table through its DbSet, in a lambda of an async method.</summary>
internal sealed class ReadsAnotherModulesTable(LiaisonDbContext db)
{
    public Task<int> CountAsync() => db.Set<PartyMember>().CountAsync(m => m.Active);
}

/// <summary>An entity of its own with a navigation into Organization's entity, configured in its EF model.</summary>
internal sealed class MapsAnotherModulesEntity
{
    public int PersonId { get; set; }

    public static void Configure(ModelBuilder builder)
        => builder.Entity<MapsAnotherModulesEntity>().HasOne<MassPerson>().WithMany().HasForeignKey(x => x.PersonId);
}

/// <summary>Uses a service of Organization that is not one of its contracts.</summary>
internal sealed class UsesAnInternalService(OrganizationScope scope)
{
    public async Task<bool> AllAsync(ClaimsPrincipal user) => (await scope.GetAsync(user)).AllBranches;
}

/// <summary>Reads the table by its name, past any type: as a shared-type set and in SQL.</summary>
internal sealed class QueriesByTableName(LiaisonDbContext db)
{
    public Task<int> CountAsync() => db.Set<Dictionary<string, object>>("PartyMembers").CountAsync();

    public Task<int> DeleteAsync() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"MassPersons\" WHERE 1 = 0");
}

/// <summary>What is allowed: the published contracts.</summary>
internal sealed class UsesTheContracts(IRosterQueries roster)
{
    public Task<int> CountAsync() => roster.Members().CountAsync();
}
