using Liaison.Organization.Data;
using Liaison.Organization.Services;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Organization;

/// <summary>
/// Roster rows for tests, written through the DbContext. Idempotent: a demo user already linked to a member (the
/// demo roster) is used as it is, so the tests hold with or without the roster in the demo recipe.
/// </summary>
internal static class OrganizationSeed
{
    /// <summary>The demo users' member rows (numbers as in the demo roster).</summary>
    public static async Task EnsureDemoMembersAsync(IServiceProvider services)
    {
        await EnsureMemberAsync(services, "committee1", "D001", "党委委员甲", "branch-committee", cadre: true);
        await EnsureMemberAsync(services, "secretary1", "D101", "第一支部书记", "branch-1", cadre: true);
        await EnsureMemberAsync(services, "member1", "D102", "第一支部党员甲", "branch-1");
        await EnsureMemberAsync(services, "secretary2", "D201", "第二支部书记", "branch-2", cadre: true);
        await EnsureMemberAsync(services, "member3", "D202", "第二支部党员甲", "branch-2");
    }

    public static async Task<PartyMember> EnsureMemberAsync(IServiceProvider services, string? userName, string number, string name,
        string branchId, bool cadre = false)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        var existing = await db.Set<PartyMember>().FirstOrDefaultAsync(m => userName != null ? m.UserName == userName : m.Number == number);
        if (existing is not null)
        {
            return existing;
        }

        var member = new PartyMember { Number = number, Name = name, UserName = userName, BranchId = branchId, IsLeadingCadre = cadre };
        db.Add(member);
        await db.SaveChangesAsync();
        return member;
    }

    public static async Task<MassPerson> AddPersonAsync(IServiceProvider services, PersonKind kind, string number, string name,
        string? branchId, string? phone = null, string? idNumber = null, string? grade = null)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
        var person = new MassPerson
        {
            Kind = kind, Number = number, Name = name, BranchId = branchId, Grade = grade,
            Phone = protector.Protect(phone), IdNumber = protector.Protect(idNumber),
        };
        db.Add(person);
        await db.SaveChangesAsync();
        return person;
    }

    public static async Task<Unit> EnsureUnitAsync(IServiceProvider services, string name, UnitKind kind, string? branchId = null)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        if (await db.Set<Unit>().FirstOrDefaultAsync(u => u.Name == name) is { } unit)
        {
            return unit;
        }

        unit = new Unit { Name = name, Kind = kind, BranchId = branchId };
        db.Add(unit);
        await db.SaveChangesAsync();
        return unit;
    }

    public static async Task<T> QueryAsync<T>(IServiceProvider services, Func<LiaisonDbContext, Task<T>> query)
    {
        await using var scope = services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<LiaisonDbContext>());
    }
}
