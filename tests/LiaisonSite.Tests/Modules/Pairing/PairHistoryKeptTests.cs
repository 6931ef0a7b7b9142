using System.Net;
using Liaison.Organization.Data;
using Liaison.Pairing.Data;
using LiaisonSite.Tests.Infrastructure;
using LiaisonSite.Tests.Modules.Organization;
using Microsoft.EntityFrameworkCore;

namespace LiaisonSite.Tests.Modules.Pairing;

/// <summary>Deleting a roster record never wipes a term's pairs: the record is deactivated instead.</summary>
public sealed class PairHistoryKeptTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DeletePerson_WhoWasPaired_DeactivatesAndKeepsThePair()
    {
        var person = await OrganizationSeed.AddPersonAsync(site.Services, PersonKind.Student, "PH001", "结对历史学生", "branch-1", grade: "高二");
        var pairId = await OrganizationSeed.QueryAsync(site.Services, async db =>
        {
            var member = await db.Set<PartyMember>().SingleAsync(m => m.Number == "D102", Cancel);
            var pair = new Pair
            {
                Term = "2025-2026-2", BranchId = "branch-1", MemberId = member.Id, PersonId = person.Id,
                Status = PairStatus.Confirmed, CreatedUtc = DateTime.UtcNow, CreatedBy = "secretary1",
            };
            db.Add(pair);
            await db.SaveChangesAsync(Cancel);
            return pair.Id;
        });
        var client = await site.SignInAsync("secretary1");

        var response = await SiteFactory.PostFormAsync(client, $"/admin/organization/persons/{person.Id}/edit", $"/admin/organization/persons/{person.Id}/delete", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var kept = await OrganizationSeed.QueryAsync(site.Services, db => db.Set<MassPerson>().SingleAsync(p => p.Id == person.Id, Cancel));
        Assert.False(kept.Active);
        Assert.True(await OrganizationSeed.QueryAsync(site.Services, db => db.Set<Pair>().AnyAsync(p => p.Id == pairId, Cancel)));
    }
}
