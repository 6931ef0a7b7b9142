using Liaison.Organization.Data;
using Liaison.Pairing.Data;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Pairing;

/// <summary>
/// Makes sure branch 1 and 2 have members (secretary1, member1, secretary2 linked to their accounts) and masses,
/// whether or not the demo recipe brought a roster, and reads pairs back.
/// </summary>
internal static class PairingRoster
{
    public static async Task EnsureAsync(IServiceProvider services, CancellationToken cancel)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        if (await db.Set<PartyMember>().AnyAsync(m => m.UserName == "secretary1", cancel))
        {
            return;
        }

        string[] branch1 = ["secretary1", "member1", "member2", null!, null!];
        for (var i = 0; i < branch1.Length; i++)
        {
            db.Add(new PartyMember { Number = $"PT1{i:00}", Name = $"一支部党员{i}", UserName = branch1[i], BranchId = "branch-1" });
        }

        db.Add(new PartyMember { Number = "PT201", Name = "二支部书记", UserName = "secretary2", BranchId = "branch-2" });
        for (var i = 0; i < 13; i++)
        {
            db.Add(new MassPerson { Kind = i % 2 == 0 ? PersonKind.Staff : PersonKind.Student, Number = $"PS1{i:00}", Name = $"一支部群众{i}", BranchId = "branch-1", Grade = i % 2 == 0 ? null : "高一" });
        }

        db.Add(new MassPerson { Kind = PersonKind.Staff, Number = "PS201", Name = "二支部群众", BranchId = "branch-2" });
        await db.SaveChangesAsync(cancel);
    }

    public static async Task<List<Pair>> PairsAsync(IServiceProvider services, string branch, string term, CancellationToken cancel)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        return await db.Set<Pair>().AsNoTracking().Where(p => p.BranchId == branch && p.Term == term).OrderBy(p => p.Id).ToListAsync(cancel);
    }

    public static async Task<HashSet<(int MemberId, int PersonId)>> ExclusionsAsync(IServiceProvider services, CancellationToken cancel)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        var rows = await db.Set<PairExclusion>().Select(x => new { x.MemberId, x.PersonId }).ToListAsync(cancel);
        return [.. rows.Select(x => (x.MemberId, x.PersonId))];
    }

    public static async Task<(List<int> Members, List<int> Persons)> ActiveAsync(IServiceProvider services, string branch, CancellationToken cancel)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        var members = await db.Set<PartyMember>().Where(m => m.BranchId == branch && m.Active).Select(m => m.Id).ToListAsync(cancel);
        var persons = await db.Set<MassPerson>().Where(p => p.BranchId == branch && p.Active).Select(p => p.Id).ToListAsync(cancel);
        return (members, persons);
    }
}
