using Liaison.Organization.Data;
using Liaison.Pairing.Data;
using LiaisonSite.Core.Time;
using LiaisonSite.Tests.Infrastructure;
using LiaisonSite.Tests.Modules.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Pairing;

/// <summary>Issue 15, item 3: the member's record in the roster shows their confirmed pairs of the current term.</summary>
public sealed class PairRecordSectionTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheMembersRecord_ShowsThisTermsConfirmedPairs_NotOtherTermsOrProposals()
    {
        var term = site.Services.GetRequiredService<ISchoolClock>().Term.Key;
        var current = await OrganizationSeed.AddPersonAsync(site.Services, PersonKind.Student, "PR001", "本学期结对学生", "branch-1", grade: "高一");
        var earlier = await OrganizationSeed.AddPersonAsync(site.Services, PersonKind.Student, "PR002", "上学期结对学生", "branch-1", grade: "高二");
        var proposed = await OrganizationSeed.AddPersonAsync(site.Services, PersonKind.Staff, "PR003", "仅建议结对教师", "branch-1");
        var memberId = await OrganizationSeed.QueryAsync(site.Services, async db =>
        {
            var member = await db.Set<PartyMember>().SingleAsync(m => m.Number == "D102", Cancel);
            foreach (var (person, pairTerm, status) in new[]
            {
                (current.Id, term, PairStatus.Confirmed), (earlier.Id, "2020-2021-1", PairStatus.Confirmed), (proposed.Id, term, PairStatus.Proposed),
            })
            {
                db.Add(new Pair
                {
                    Term = pairTerm, BranchId = "branch-1", MemberId = member.Id, PersonId = person, Status = status,
                    CreatedUtc = DateTime.UtcNow, CreatedBy = "secretary1",
                });
            }

            await db.SaveChangesAsync(Cancel);
            return member.Id;
        });
        var secretary = await site.SignInAsync("secretary1");

        var record = await secretary.GetStringAsync($"/admin/organization/members/{memberId}", Cancel);

        Assert.Contains($"{term}学期结对", record, StringComparison.Ordinal);
        Assert.Contains("本学期结对学生 PR001", record, StringComparison.Ordinal);
        Assert.DoesNotContain("上学期结对学生", record, StringComparison.Ordinal);
        Assert.DoesNotContain("仅建议结对教师", record, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/pairing\"", record, StringComparison.Ordinal);
    }
}
