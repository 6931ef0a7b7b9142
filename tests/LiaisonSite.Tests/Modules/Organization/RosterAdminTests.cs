using System.Net;
using Liaison.Organization.Data;
using LiaisonSite.Tests.Infrastructure;
using LiaisonSite.Tests.Modules.Users;
using Microsoft.EntityFrameworkCore;

namespace LiaisonSite.Tests.Modules.Organization;

/// <summary>Members and masses lists: scope, masking, revealing with a log row, validation.</summary>
public sealed class RosterAdminTests(SiteFactory site) : IClassFixture<SiteFactory>, IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await OrganizationSeed.EnsureDemoMembersAsync(site.Services);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task MemberPage_OfAnotherBranch_IsNotFoundForASecretary_ButOpensForTheCommittee()
    {
        var other = await OrganizationSeed.EnsureMemberAsync(site.Services, null, "T2001", "二支部王老师", "branch-2");

        var secretary = await site.SignInAsync("secretary1");
        var committee = await site.SignInAsync("committee1");

        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/admin/organization/members/{other.Id}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/admin/organization/members/{other.Id}/edit", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await committee.GetAsync($"/admin/organization/members/{other.Id}", Cancel)).StatusCode);
    }

    [Fact]
    public async Task MemberList_ForASecretary_ShowsOnlyTheirBranch()
    {
        await OrganizationSeed.EnsureMemberAsync(site.Services, null, "T1002", "一支部赵老师", "branch-1");
        await OrganizationSeed.EnsureMemberAsync(site.Services, null, "T2002", "二支部钱老师", "branch-2");

        var html = await (await site.SignInAsync("secretary1")).GetStringAsync("/admin/organization/members?q=老师", Cancel);

        Assert.Contains("一支部赵老师", html);
        Assert.DoesNotContain("二支部钱老师", html);
    }

    [Theory]
    [InlineData("/admin/organization/members")]
    [InlineData("/admin/organization/persons")]
    [InlineData("/admin/organization/coverage")]
    [InlineData("/admin/organization/access-log")]
    public async Task RosterPages_ForAMember_AreForbidden(string path)
    {
        var response = await (await site.SignInAsync("member1")).GetAsync(path, Cancel);

        // The site answers a signed-in user without the right with its access-denied page (its 403).
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/access-denied", response.Headers.Location?.PathAndQuery());
    }

    [Fact]
    public async Task PersonList_ShowsMaskedNumbers_NeverTheFullOnes()
    {
        await OrganizationSeed.AddPersonAsync(site.Services, PersonKind.Staff, "TJ101", "掩码测试教师", "branch-1",
            phone: "13812345678", idNumber: "110101198001011234");

        var html = await (await site.SignInAsync("secretary1")).GetStringAsync("/admin/organization/persons?q=掩码测试", Cancel);

        Assert.Contains("138****5678", html);
        Assert.Contains("110***********1234", html);
        Assert.DoesNotContain("13812345678", html);
        Assert.DoesNotContain("110101198001011234", html);
    }

    [Fact]
    public async Task RevealPhone_WithinScope_ShowsTheNumber_AndWritesTheAccessLog()
    {
        var person = await OrganizationSeed.AddPersonAsync(site.Services, PersonKind.Staff, "TJ102", "查看号码教师", "branch-1", phone: "13900001111");
        var client = await site.SignInAsync("secretary1");
        var page = $"/admin/organization/persons/{person.Id}/edit";

        var response = await SiteFactory.PostFormAsync(client, page, $"/admin/organization/persons/{person.Id}/reveal-phone", []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("13900001111", await response.Content.ReadAsStringAsync(Cancel));
        var rows = await OrganizationSeed.QueryAsync(site.Services, db => db.Set<PersonalDataAccess>()
            .Where(a => a.PersonId == person.Id).ToListAsync(Cancel));
        var row = Assert.Single(rows);
        Assert.Equal(("secretary1", AccessActions.RevealPhone, "branch-1"), (row.UserName, row.Action, row.BranchId));
    }

    [Fact]
    public async Task RevealIdNumber_OutsideTheScope_IsNotFound_AndNothingIsLogged()
    {
        var person = await OrganizationSeed.AddPersonAsync(site.Services, PersonKind.Staff, "TJ201", "二支部教师", "branch-2", idNumber: "110101198001015678");
        var client = await site.SignInAsync("secretary1");

        var response = await SiteFactory.PostFormAsync(client, "/admin/organization/persons", $"/admin/organization/persons/{person.Id}/reveal-id", []);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await OrganizationSeed.QueryAsync(site.Services, db => db.Set<PersonalDataAccess>().AnyAsync(a => a.PersonId == person.Id, Cancel)));
    }

    [Fact]
    public async Task CreatePerson_WithABadIdNumber_ShowsAChineseError_AndCreatesNothing()
    {
        var client = await site.SignInAsync("secretary1");

        var response = await SiteFactory.PostFormAsync(client, "/admin/organization/persons/create", "/admin/organization/persons/create", new()
        {
            ["Kind"] = "Staff", ["Number"] = "TJ900", ["Name"] = "错误身份证", ["BranchId"] = "branch-1", ["IdNumber"] = "12345",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请填写有效的身份证号", await response.Content.ReadAsStringAsync(Cancel));
        Assert.False(await OrganizationSeed.QueryAsync(site.Services, db => db.Set<MassPerson>().AnyAsync(p => p.Number == "TJ900", Cancel)));
    }

    [Fact]
    public async Task CreatePerson_StoresThePhoneEncrypted_AndASecretaryCannotPlaceItInAnotherBranch()
    {
        var client = await site.SignInAsync("secretary1");
        var other = await SiteFactory.PostFormAsync(client, "/admin/organization/persons/create", "/admin/organization/persons/create", new()
        {
            ["Kind"] = "Student", ["Number"] = "TS900", ["Name"] = "越权学生", ["BranchId"] = "branch-2", ["Grade"] = "高一",
        });
        var own = await SiteFactory.PostFormAsync(client, "/admin/organization/persons/create", "/admin/organization/persons/create", new()
        {
            ["Kind"] = "Student", ["Number"] = "TS901", ["Name"] = "新建学生", ["BranchId"] = "branch-1", ["Grade"] = "高一", ["Phone"] = "13700002222",
        });

        Assert.Contains("请选择您所管理的支部", await other.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        var saved = await OrganizationSeed.QueryAsync(site.Services, db => db.Set<MassPerson>().SingleAsync(p => p.Number == "TS901", Cancel));
        Assert.Equal("137****2222", saved.Phone.Masked);
        Assert.DoesNotContain("13700002222", saved.Phone.Cipher);
        Assert.False(await OrganizationSeed.QueryAsync(site.Services, db => db.Set<MassPerson>().AnyAsync(p => p.Number == "TS900", Cancel)));
    }
}
