using System.Net;
using Liaison.Organization.Data;
using Liaison.Organization.Services;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Security;
using LiaisonSite.Tests.Infrastructure;
using LiaisonSite.Tests.Modules.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static LiaisonSite.Tests.Modules.Organization.RosterImportSupport;

namespace LiaisonSite.Tests.Modules.Organization;

/// <summary>The roster import page: preview with per-row errors, confirm, scope, file types.</summary>
public sealed class RosterImportTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string MemberHeader = "工号,姓名,性别,所在支部,入党日期,党内职务,领导干部(是/否),所在部门/教研室,手机,登录名";
    private const string PersonHeader = "类别(教职工/学生),学号/工号,姓名,所在支部,年级,班级,手机,身份证号";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Preview_ListsEachBadRowWithItsNumber_AndWritesNothing()
    {
        var client = await site.SignInAsync("committee1");
        var file = Csv(PersonHeader,
            "学生,P001,钱一,第一党支部,高一,3班,,",
            "学生,P002,,第一党支部,高一,3班,,",
            "学生,P003,钱三,第九党支部,高一,3班,,",
            "学生,P001,钱四,第一党支部,高一,3班,,",
            "学生,P005,钱五,第一党支部,,,,",
            "教职工,P006,钱六,第二党支部,,,12345,",
            "教职工,P007,钱七,第二党支部,,,,110101199001011235",
            "老师傅,P008,钱八,第二党支部,,,,");

        var (response, page) = await UploadAsync(client, "persons", file, "masses.csv", Cancel);

        Assert.StartsWith("/admin/organization/import/preview/", response.Headers.Location!.OriginalString);
        Assert.Contains("第 3 行：姓名不能为空", page);
        Assert.Contains("第 4 行：支部“第九党支部”不存在", page);
        Assert.Contains("第 5 行：编号与第 2 行重复", page);
        Assert.Contains("第 6 行：学生必须填写年级和班级", page);
        Assert.Contains("第 7 行：手机“12345”", page);
        Assert.Contains("第 8 行：身份证号", page);
        Assert.Contains("第 9 行：类别“老师傅”", page);
        Assert.DoesNotContain("第 2 行：", page);
        await using var scope = site.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<MassPerson>().AnyAsync(p => p.Number.StartsWith("P00"), Cancel));
    }

    [Fact]
    public async Task Confirm_WritesOnlyTheValidRows_FromAnXlsxFile_AndUpsertsByNumber()
    {
        var client = await site.SignInAsync("committee1");
        var file = Xlsx(
            new() { ["类别(教职工/学生)"] = "教职工", ["学号/工号"] = "Q001", ["姓名"] = "孔一", ["所在支部"] = "第二党支部", ["手机"] = "138 0000 7001", ["身份证号"] = "" },
            new() { ["类别(教职工/学生)"] = "学生", ["学号/工号"] = "Q002", ["姓名"] = "孔二", ["所在支部"] = "branch-3", ["手机"] = "", ["身份证号"] = "" },
            new() { ["类别(教职工/学生)"] = "教职工", ["学号/工号"] = "Q003", ["姓名"] = "孔三", ["所在支部"] = "第二党支部", ["手机"] = "", ["身份证号"] = "" });
        var (response, preview) = await UploadAsync(client, "persons", file, "masses.xlsx", Cancel);
        Assert.Contains("第 3 行：学生必须填写年级和班级", preview);

        var after = await ConfirmAsync(client, response.Headers.Location!.OriginalString, Cancel);

        Assert.Contains("已导入 2 行", after);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
            var written = await db.Set<MassPerson>().Where(p => p.Number.StartsWith("Q00")).OrderBy(p => p.Number).ToListAsync(Cancel);
            Assert.Equal(["Q001", "Q003"], written.Select(p => p.Number));
            Assert.Equal("138****7001", written[0].Phone.Masked);
            Assert.Equal("13800007001", scope.ServiceProvider.GetRequiredService<PersonalDataProtector>().Reveal(written[0].Phone));
        }

        // The same number again updates the row instead of adding one; the stored phone stays.
        var again = Csv(PersonHeader, "教职工,Q001,孔一新,第二党支部,,,,");
        var (second, secondPreview) = await UploadAsync(client, "persons", again, "again.csv", Cancel);
        Assert.Contains("更新", secondPreview);
        await ConfirmAsync(client, second.Headers.Location!.OriginalString, Cancel);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var rows = await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<MassPerson>().Where(p => p.Number == "Q001").ToListAsync(Cancel);
            Assert.Equal(("孔一新", "138****7001"), (Assert.Single(rows).Name, rows[0].Phone.Masked));
        }

        // A confirmed import cannot be confirmed twice.
        var replay = await SiteFactory.PostFormAsync(client, ImportPage, response.Headers.Location!.OriginalString, []);
        Assert.Equal(ImportPage, replay.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Secretary_CannotImportIntoAnotherBranch_AnEmptyBranchMeansTheirOwn()
    {
        var client = await site.SignInAsync("secretary1");
        var file = Csv(MemberHeader,
            "R001,严一,男,第二党支部,2012-07-01,党员,否,数学教研室,,",
            "R002,严二,女,,2015-06-30,党员,否,,13800007002,",
            "D201,赵明,男,第一党支部,,党员,否,,,");
        var (response, preview) = await UploadAsync(client, "members", file, "members.csv", Cancel);

        Assert.Contains("第 2 行：只能导入本支部的人员，不能导入“第二党支部（数理教研组）”", preview);
        Assert.Contains("第 4 行：此行不能导入，请联系党委", preview);
        await ConfirmAsync(client, response.Headers.Location!.OriginalString, Cancel);
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        Assert.Equal("branch-1", (await db.Set<PartyMember>().SingleAsync(m => m.Number == "R002", Cancel)).BranchId);
        Assert.False(await db.Set<PartyMember>().AnyAsync(m => m.Number == "R001", Cancel));
        Assert.Equal("branch-2", (await db.Set<PartyMember>().SingleAsync(m => m.Number == "D201", Cancel)).BranchId);
    }

    [Fact]
    public async Task Secretary_LinkingAnAccountWithARoleBeyondMember_IsRefused_AMemberOnlyAccountIsLinked()
    {
        await CreateUserAsync("plain-link1", RoleNames.Member);
        await CreateUserAsync("editor-link1", RoleNames.Editor);
        var client = await site.SignInAsync("secretary1");
        var file = Csv(MemberHeader,
            "R101,严十一,男,,2012-07-01,党员,否,,,admin",
            "R102,严十二,男,,2012-07-01,党员,否,,,editor-link1",
            "R103,严十三,女,,2012-07-01,党员,否,,,plain-link1");

        var (response, preview) = await UploadAsync(client, "members", file, "members.csv", Cancel);
        await ConfirmAsync(client, response.Headers.Location!.OriginalString, Cancel);

        Assert.Contains("第 2 行：登录名“admin”不能在此关联，请联系党委", preview);
        Assert.Contains("第 3 行：登录名“editor-link1”不能在此关联，请联系党委", preview);
        Assert.DoesNotContain("第 4 行：", preview);
        await using var scope = site.Services.CreateAsyncScope();
        var members = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<PartyMember>();
        Assert.False(await members.AnyAsync(m => m.Number == "R101" || m.Number == "R102" || m.UserName == "admin" || m.UserName == "editor-link1", Cancel));
        Assert.Equal("plain-link1", (await members.SingleAsync(m => m.Number == "R103", Cancel)).UserName);
    }

    [Fact]
    public async Task Committee_MayLinkAnAccountWithARoleBeyondMember()
    {
        await CreateUserAsync("editor-link2", RoleNames.Editor);
        var client = await site.SignInAsync("committee1");
        var file = Csv(MemberHeader, "R111,严二一,男,第一党支部,2012-07-01,党员,否,,,editor-link2");

        var (response, preview) = await UploadAsync(client, "members", file, "members.csv", Cancel);
        await ConfirmAsync(client, response.Headers.Location!.OriginalString, Cancel);

        Assert.DoesNotContain("第 2 行：", preview);
        await using var scope = site.Services.CreateAsyncScope();
        var member = await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<PartyMember>().SingleAsync(m => m.Number == "R111", Cancel);
        Assert.Equal("editor-link2", member.UserName);
    }

    [Fact]
    public async Task Secretary_RowsOnOtherBranchesRecords_SayOnlyThatTheRowCannotBeImported()
    {
        var client = await site.SignInAsync("secretary1");
        var members = Csv(MemberHeader,
            "D203,郑欣,女,第一党支部,,党员,否,,,member4",
            "R121,严三一,男,,2012-07-01,党员,否,,,member3");
        var persons = Csv(PersonHeader, "教职工,J005,金佳慧,第一党支部,,,,");

        var (_, memberPreview) = await UploadAsync(client, "members", members, "members.csv", Cancel);
        var (_, personPreview) = await UploadAsync(client, "persons", persons, "persons.csv", Cancel);

        Assert.Contains("第 2 行：此行不能导入，请联系党委</li>", memberPreview);
        Assert.Contains("第 3 行：登录名“member3”不能在此关联，请联系党委</li>", memberPreview);
        Assert.Contains("第 2 行：此行不能导入，请联系党委</li>", personPreview);
        foreach (var page in new[] { memberPreview, personPreview })
        {
            Assert.DoesNotContain("D202", page);
            Assert.DoesNotContain("其他支部", page);
            Assert.DoesNotContain("已关联到党员", page);
        }
    }

    private async Task CreateUserAsync(string userName, string role)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LiaisonUser>>();
        var user = new LiaisonUser { UserName = userName, Email = userName + "@example.edu.cn", EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, SiteFactory.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }

    [Fact]
    public async Task Member_IsForbidden_ImportAndExport()
    {
        var client = await site.SignInAsync("member1");

        // Admin pages send a signed-in user without the right to the access-denied page (a 403 for API callers).
        foreach (var url in new[] { ImportPage, "/admin/organization/export?kind=persons", "/admin/organization/import/template?kind=members" })
        {
            var response = await client.GetAsync(url, Cancel);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/access-denied", response.Headers.Location?.PathAndQuery());
        }
    }

    [Fact]
    public async Task RenamedProgram_IsRefusedByItsContent()
    {
        var client = await site.SignInAsync("committee1");
        var program = new byte[512];
        "MZ"u8.CopyTo(program);

        var (response, page) = await UploadAsync(client, "members", program, "roster.xlsx", Cancel);

        Assert.StartsWith(ImportPage, response.Headers.Location!.OriginalString);
        Assert.DoesNotContain("/preview/", response.Headers.Location!.OriginalString);
        Assert.Contains("只能导入 .xlsx 或 .csv 表格文件", page);
    }

    [Fact]
    public async Task Template_HasTheImportHeaders()
    {
        var client = await site.SignInAsync("committee1");

        ReadXlsx(await client.GetByteArrayAsync("/admin/organization/import/template?kind=persons", Cancel), out var rows);

        Assert.Equal(["类别(教职工/学生)", "学号/工号", "姓名"], rows[0].Keys.Take(3));
    }
}
