using System.Net;
using Liaison.Organization.Data;
using LiaisonSite.Tests.Infrastructure;
using LiaisonSite.Tests.Modules.Users;
using Microsoft.EntityFrameworkCore;

namespace LiaisonSite.Tests.Modules.Organization;

/// <summary>R6 visits are scoped to their cadre, branch or the committee; the access log filters and is the committee's.</summary>
public sealed class VisitsAndAccessLogTests(SiteFactory site) : IClassFixture<SiteFactory>, IAsyncLifetime
{
    private const string OwnVisit = "一支部书记走访测试语文组：听课两节";
    private const string OtherVisit = "二支部书记走访测试后勤：检查食堂";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private int _ownVisitId;
    private int _ownUnitId;

    public async ValueTask InitializeAsync()
    {
        await OrganizationSeed.EnsureDemoMembersAsync(site.Services);
        var secretary1 = await OrganizationSeed.EnsureMemberAsync(site.Services, "secretary1", "D101", "", "branch-1");
        var secretary2 = await OrganizationSeed.EnsureMemberAsync(site.Services, "secretary2", "D201", "", "branch-2");
        var unit1 = await OrganizationSeed.EnsureUnitAsync(site.Services, "测试语文组", UnitKind.TeachingSection);
        var unit2 = await OrganizationSeed.EnsureUnitAsync(site.Services, "测试后勤", UnitKind.GrassrootsUnit);
        _ownUnitId = unit1.Id;
        _ownVisitId = await OrganizationSeed.QueryAsync(site.Services, async db =>
        {
            if (await db.Set<CadreVisit>().FirstOrDefaultAsync(v => v.WhatWasDone == OwnVisit, Cancel) is { } existing)
            {
                return existing.Id;
            }

            db.Add(new ContactPoint { MemberId = secretary1.Id, Kind = ContactPointKind.TeachingSection, UnitId = unit1.Id });
            var own = new CadreVisit { MemberId = secretary1.Id, UnitId = unit1.Id, Date = new DateOnly(2026, 10, 9), WhatWasDone = OwnVisit, FollowUp = "跟进青年教师培养", RecordedBy = "secretary1" };
            db.AddRange(own, new CadreVisit { MemberId = secretary2.Id, UnitId = unit2.Id, Date = new DateOnly(2026, 10, 10), WhatWasDone = OtherVisit, RecordedBy = "secretary2" });
            db.AddRange(
                new PersonalDataAccess { Utc = new DateTime(2026, 10, 1, 2, 0, 0, DateTimeKind.Utc), UserName = "audit-a", Action = AccessActions.RevealPhone, PersonName = "审计对象甲" },
                new PersonalDataAccess { Utc = new DateTime(2026, 10, 5, 2, 0, 0, DateTimeKind.Utc), UserName = "audit-b", Action = AccessActions.ViewContact, PersonName = "审计对象乙", Category = 2 });
            await db.SaveChangesAsync(Cancel);
            return own.Id;
        });
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Visits_ACadreSeesTheirOwn_TheCommitteeAll_AMemberNone()
    {
        var cadre = await (await site.SignInAsync("secretary1")).GetStringAsync("/admin/organization/visits", Cancel);
        var committee = await (await site.SignInAsync("committee1")).GetStringAsync("/admin/organization/visits", Cancel);
        var member = await (await site.SignInAsync("member1")).GetStringAsync("/admin/organization/visits", Cancel);

        Assert.Contains(OwnVisit, cadre);
        Assert.DoesNotContain(OtherVisit, cadre);
        Assert.Contains(OwnVisit, committee);
        Assert.Contains(OtherVisit, committee);
        Assert.DoesNotContain(OwnVisit, member);
        Assert.DoesNotContain(OtherVisit, member);
    }

    [Fact]
    public async Task CloseFollowUp_OfSomeoneElsesVisit_IsNotFound()
    {
        var member = await site.SignInAsync("member3");

        var response = await SiteFactory.PostFormAsync(member, "/admin/organization/visits", $"/admin/organization/visits/{_ownVisitId}/close", []);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await OrganizationSeed.QueryAsync(site.Services, db => db.Set<CadreVisit>().Where(v => v.Id == _ownVisitId).Select(v => v.FollowUpClosed).SingleAsync(Cancel)));
    }

    [Fact]
    public async Task RecordVisit_ByTheCadre_IsSaved_ByANonCadre_IsRefused()
    {
        var fields = new Dictionary<string, string>
        {
            ["UnitId"] = _ownUnitId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Date"] = "2026-11-02",
            ["WhatWasDone"] = "与教研组长谈心谈话",
            ["ProblemsFound"] = "青年教师教学压力大",
            ["FollowUp"] = "协调减少非教学任务",
        };

        var byCadre = await SiteFactory.PostFormAsync(await site.SignInAsync("secretary1"), "/admin/organization/visits", "/admin/organization/visits", fields);
        var byMember = await SiteFactory.PostFormAsync(await site.SignInAsync("member1"), "/admin/organization/visits", "/admin/organization/visits",
            new(fields) { ["WhatWasDone"] = "普通党员试图登记" });

        Assert.Equal(HttpStatusCode.Redirect, byCadre.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, byMember.StatusCode);
        var saved = await OrganizationSeed.QueryAsync(site.Services, db => db.Set<CadreVisit>().Include(v => v.Member)
            .Where(v => v.WhatWasDone == "与教研组长谈心谈话" || v.WhatWasDone == "普通党员试图登记").ToListAsync(Cancel));
        var visit = Assert.Single(saved);
        Assert.Equal(("secretary1", false), (visit.Member!.UserName, visit.FollowUpClosed));
    }

    [Fact]
    public async Task AccessLog_FiltersByUserAndDate_AndIsTheCommittees()
    {
        var committee = await site.SignInAsync("committee1");

        var byUser = await committee.GetStringAsync("/admin/organization/access-log?user=audit-a", Cancel);
        var byDate = await committee.GetStringAsync("/admin/organization/access-log?from=2026-10-04&to=2026-10-06", Cancel);
        var byAction = await committee.GetStringAsync("/admin/organization/access-log?action=view-contact&category=2", Cancel);
        var secretary = await (await site.SignInAsync("secretary1")).GetAsync("/admin/organization/access-log", Cancel);

        Assert.Contains("审计对象甲", byUser);
        Assert.DoesNotContain("审计对象乙", byUser);
        Assert.Contains("审计对象乙", byDate);
        Assert.DoesNotContain("审计对象甲", byDate);
        Assert.Contains("审计对象乙", byAction);
        Assert.DoesNotContain("审计对象甲", byAction);
        Assert.StartsWith("/access-denied", secretary.Headers.Location?.PathAndQuery());
    }
}
