using System.Net;
using Liaison.Organization.Data;
using LiaisonSite.Tests.Infrastructure;
using LiaisonSite.Tests.Modules.Users;
using Microsoft.EntityFrameworkCore;

namespace LiaisonSite.Tests.Modules.Organization;

/// <summary>The organization tree, member forms and units: who sees what, and bad input changing nothing.</summary>
public sealed class OrganizationPagesTests(SiteFactory site) : IClassFixture<SiteFactory>, IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await OrganizationSeed.EnsureDemoMembersAsync(site.Services);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Theory]
    [InlineData("/admin/organization")]
    [InlineData("/admin/organization/members")]
    [InlineData("/admin/organization/members/create")]
    [InlineData("/admin/organization/persons")]
    [InlineData("/admin/organization/persons/create")]
    [InlineData("/admin/organization/units")]
    [InlineData("/admin/organization/coverage")]
    [InlineData("/admin/organization/visits")]
    [InlineData("/admin/organization/access-log")]
    public async Task Page_ForTheCommittee_Renders_InChinese(string path)
    {
        var response = await (await site.SignInAsync("committee1")).GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("组织与花名册", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Tree_ShowsTheBranchesUnderTheCommittee_WithCountsOnlyForTheSecretarysOwnBranch()
    {
        var html = await (await site.SignInAsync("secretary1")).GetStringAsync("/admin/organization", Cancel);

        Assert.Contains("明德中学党委", html);
        Assert.Contains("第一党支部", html);
        Assert.Contains("/admin/organization/members?branch=branch-1", html);
        Assert.DoesNotContain("/admin/organization/members?branch=branch-2", html);
        Assert.DoesNotContain("/admin/contents/branch-2/edit", html);
        Assert.True(html.IndexOf("明德中学党委", StringComparison.Ordinal) < html.IndexOf("第一党支部", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateMember_WithATakenNumber_IsRefused_ThenWithANewOne_StoresThePhoneEncrypted()
    {
        var client = await site.SignInAsync("secretary1");
        var form = new Dictionary<string, string>
        {
            ["Number"] = "D101", ["Name"] = "重复工号", ["BranchId"] = "branch-1", ["PartyPost"] = "党员", ["Phone"] = "13600003333",
        };

        var taken = await SiteFactory.PostFormAsync(client, "/admin/organization/members/create", "/admin/organization/members/create", form);
        var created = await SiteFactory.PostFormAsync(client, "/admin/organization/members/create", "/admin/organization/members/create",
            new(form) { ["Number"] = "T1500", ["Name"] = "新党员" });

        Assert.Contains("已有党员使用工号 D101", await taken.Content.ReadAsStringAsync(Cancel));
        Assert.False(await OrganizationSeed.QueryAsync(site.Services, db => db.Set<PartyMember>().AnyAsync(m => m.Name == "重复工号", Cancel)));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var member = await OrganizationSeed.QueryAsync(site.Services, db => db.Set<PartyMember>().SingleAsync(m => m.Number == "T1500", Cancel));
        Assert.Equal(("branch-1", "136****3333"), (member.BranchId, member.Phone.Masked));
        Assert.DoesNotContain("13600003333", member.Phone.Cipher);
    }

    [Fact]
    public async Task EditMember_IntoAnotherBranch_IsRefusedForASecretary()
    {
        var member = await OrganizationSeed.EnsureMemberAsync(site.Services, null, "T1501", "调动测试", "branch-1");
        var client = await site.SignInAsync("secretary1");
        var page = $"/admin/organization/members/{member.Id}/edit";

        var response = await SiteFactory.PostFormAsync(client, page, page, new()
        {
            ["Number"] = "T1501", ["Name"] = "调动测试", ["BranchId"] = "branch-2", ["PartyPost"] = "党员",
        });

        Assert.Contains("请选择您所管理的支部", await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("branch-1", await OrganizationSeed.QueryAsync(site.Services, db => db.Set<PartyMember>()
            .Where(m => m.Id == member.Id).Select(m => m.BranchId).SingleAsync(Cancel)));
    }

    [Fact]
    public async Task Units_AreTheCommittees_AndADuplicateNameIsRefused()
    {
        var committee = await site.SignInAsync("committee1");
        var secretary = await (await site.SignInAsync("secretary1")).GetAsync("/admin/organization/units", Cancel);

        var first = await SiteFactory.PostFormAsync(committee, "/admin/organization/units", "/admin/organization/units", new() { ["Name"] = "测试音乐教研室", ["Kind"] = "TeachingSection" });
        var again = await SiteFactory.PostFormAsync(committee, "/admin/organization/units", "/admin/organization/units", new() { ["Name"] = "测试音乐教研室", ["Kind"] = "GrassrootsUnit" });

        Assert.StartsWith("/access-denied", secretary.Headers.Location?.PathAndQuery());
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("已有名为“测试音乐教研室”的单位", await again.Content.ReadAsStringAsync(Cancel));
        var unit = await OrganizationSeed.QueryAsync(site.Services, db => db.Set<Unit>().SingleAsync(u => u.Name == "测试音乐教研室", Cancel));
        Assert.Equal(UnitKind.TeachingSection, unit.Kind);
    }

    [Fact]
    public async Task DeleteMember_ReferencedByAContactPoint_DeactivatesInstead()
    {
        var cadre = await OrganizationSeed.EnsureMemberAsync(site.Services, null, "T1502", "被引用干部", "branch-1", cadre: true);
        await OrganizationSeed.QueryAsync(site.Services, async db =>
        {
            db.Add(new ContactPoint { MemberId = cadre.Id, Kind = ContactPointKind.Grade, Value = "高三" });
            return await db.SaveChangesAsync(Cancel);
        });
        var client = await site.SignInAsync("secretary1");

        var response = await SiteFactory.PostFormAsync(client, $"/admin/organization/members/{cadre.Id}", $"/admin/organization/members/{cadre.Id}/delete", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var kept = await OrganizationSeed.QueryAsync(site.Services, db => db.Set<PartyMember>().SingleAsync(m => m.Id == cadre.Id, Cancel));
        Assert.False(kept.Active);
    }
}
