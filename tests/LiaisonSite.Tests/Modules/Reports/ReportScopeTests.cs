using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Liaison.Reports.Security;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Reports;

/// <summary>
/// Who sees quarterly reports (issue 12 Done-when): /api/content?type=QuarterlyReport gives member1 only their
/// reports and secretary1 their branch's; the committee all; anonymous and an editor none; the list and exports agree.
/// </summary>
[Collection(ReportsCollection.Name)]
public sealed class ReportScopeTests(ReportsSite site)
{
    private static CancellationToken Ct => ReportsSite.Ct;

    private async Task<(string Member1, string Secretary1, string Member3)> HandInThreeAsync(string quarter)
    {
        var member1 = await ReportsSite.HandInAsync(await site.SignInAsync("member1"), quarter);
        var secretary1 = await ReportsSite.HandInAsync(await site.SignInAsync("secretary1"), quarter);
        var member3 = await ReportsSite.HandInAsync(await site.SignInAsync("member3"), quarter);
        return (member1, secretary1, member3);
    }

    [Fact]
    public async Task Api_Member1_GetsOnlyTheirReports_Secretary1TheirBranchs_CommitteeAll()
    {
        var (m1, s1, m3) = await HandInThreeAsync("2024-Q1");
        var member1Id = await site.MemberIdAsync("D102");

        var forMember1 = await ReportsSite.ApiIdsAsync(await site.SignInAsync("member1"));
        var forSecretary1 = await ReportsSite.ApiIdsAsync(await site.SignInAsync("secretary1"));
        var forCommittee = await ReportsSite.ApiIdsAsync(await site.SignInAsync("committee1"));

        Assert.Contains(m1, forMember1);
        Assert.DoesNotContain(s1, forMember1);
        Assert.DoesNotContain(m3, forMember1);
        Assert.All(await site.RowsAsync(forMember1), r => Assert.Equal(member1Id, r.MemberId));

        Assert.Contains(m1, forSecretary1);
        Assert.Contains(s1, forSecretary1);
        Assert.DoesNotContain(m3, forSecretary1);
        Assert.All(await site.RowsAsync(forSecretary1), r => Assert.Equal("branch-1", r.BranchId));

        Assert.Superset(new HashSet<string> { m1, s1, m3 }, forCommittee.ToHashSet());

        // Without status=latest the API lists approved (published) reports: the demo's, scoped the same way.
        var approvedForMember1 = await ReportsSite.ApiIdsAsync(await site.SignInAsync("member1"), latest: false);
        var approvedForSecretary1 = await ReportsSite.ApiIdsAsync(await site.SignInAsync("secretary1"), latest: false);
        Assert.Contains("report-d102-q2", approvedForMember1);
        Assert.All(await site.RowsAsync(approvedForMember1), r => Assert.Equal(member1Id, r.MemberId));
        Assert.Contains("report-d101-q1", approvedForSecretary1);
        Assert.All(await site.RowsAsync(approvedForSecretary1), r => Assert.Equal("branch-1", r.BranchId));
        Assert.DoesNotContain("report-d201-q1", approvedForSecretary1);
        Assert.Contains("report-d201-q1", await ReportsSite.ApiIdsAsync(await site.SignInAsync("committee1"), latest: false));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("editor1")]
    public async Task Api_AnonymousOrEditor_GetsNone_AndCannotOpenOne(string? user)
    {
        var id = await ReportsSite.HandInAsync(await site.SignInAsync("member1"), user is null ? "2024-Q2" : "2024-Q3");
        var client = user is null ? site.CreateBrowserClient() : await site.SignInAsync(user);

        Assert.Empty(await ReportsSite.ApiIdsAsync(client));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/content/{id}?status=latest", Ct)).StatusCode);
    }

    [Fact]
    public async Task Member_CannotOpenAnotherMembersReport_NorASecretaryOfAnotherBranch()
    {
        var id = await ReportsSite.HandInAsync(await site.SignInAsync("member3"), "2024-Q4");

        Assert.Equal(HttpStatusCode.NotFound, (await (await site.SignInAsync("member1")).GetAsync($"/api/content/{id}?status=latest", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await site.SignInAsync("secretary1")).GetAsync($"/api/content/{id}?status=latest", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await site.SignInAsync("secretary2")).GetAsync($"/api/content/{id}?status=latest", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await site.SignInAsync("member1")).GetAsync($"/admin/my-work/reports/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task AdminList_SearchAndExports_KeepReportsInScope()
    {
        var (m1, _, m3) = await HandInThreeAsync("2023-Q1");

        var list = await (await site.SignInAsync("member1")).GetStringAsync("/admin/contents?type=QuarterlyReport", Ct);
        var search = await site.CreateBrowserClient().GetStringAsync("/search?q=" + Uri.EscapeDataString("季度汇报"), Ct);
        Assert.Contains(m1, list);
        Assert.DoesNotContain(m3, list);
        Assert.DoesNotContain(m1, search);

        await using var scope = site.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var reports = await services.GetRequiredService<LiaisonDbContext>().ContentItems.AsNoTracking()
            .Where(c => c.ContentType == "QuarterlyReport" && c.Latest).ToListAsync(Ct);
        var filter = services.GetRequiredService<ReportExportFilter>();
        var forMember1 = await filter.FilterAsync(await PrincipalAsync(services, "member1"), reports, Ct);
        var forNobody = await filter.FilterAsync(null, reports, Ct);

        Assert.Empty(forNobody);
        Assert.Contains(forMember1, r => r.ContentItemId == m1);
        Assert.DoesNotContain(forMember1, r => r.ContentItemId == m3);
    }

    private static async Task<ClaimsPrincipal> PrincipalAsync(IServiceProvider services, string userName)
    {
        var users = services.GetRequiredService<UserManager<LiaisonUser>>();
        var factory = services.GetRequiredService<IUserClaimsPrincipalFactory<LiaisonUser>>();
        return await factory.CreateAsync((await users.FindByNameAsync(userName))!);
    }
}
