using System.Net;
using Liaison.Notices.Data;
using LiaisonSite.Core.Data;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Notices;

/// <summary>Own site with one objection to a branch 1 notice and one to the school-wide notice.</summary>
public sealed class ObjectionHandlingTests(NoticeSiteFactory site) : IClassFixture<NoticeSiteFactory>, IAsyncLifetime
{
    private const string BranchText = "第一党支部公示的异议：请核实该同志的培养考察材料。";
    private const string SchoolText = "校务公开的意见：建议食堂调价方案听取家长委员会意见。";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        // A secretary's branch comes from their member row (the organization roster).
        await Organization.OrganizationSeed.EnsureDemoMembersAsync(site.Services);
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        if (!await db.Set<Objection>().AnyAsync(Cancel))
        {
            db.AddRange(
                new Objection { NoticeContentItemId = DemoNotices.OpenId, CreatedUtc = DateTime.UtcNow, Anonymous = true, Text = BranchText },
                new Objection { NoticeContentItemId = DemoNotices.SchoolId, CreatedUtc = DateTime.UtcNow, Name = "赵老师", Text = SchoolText });
            await db.SaveChangesAsync(Cancel);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task List_ForTheSecretaryOfTheNoticesBranch_ShowsOnlyThatBranchsObjections()
    {
        var html = await (await site.SignInAsync("secretary1")).GetStringAsync("/admin/notices/objections", Cancel);

        Assert.Contains("第一党支部关于拟发展李明同志为预备党员的公示", html);
        Assert.DoesNotContain("食堂伙食费", html);
    }

    [Fact]
    public async Task List_ForAnotherBranchsSecretary_IsEmpty_AndTheObjectionIsNotFound()
    {
        var client = await site.SignInAsync("secretary2");
        var html = await client.GetStringAsync("/admin/notices/objections", Cancel);
        var id = await IdOfAsync(BranchText);

        Assert.DoesNotContain("李明", html);
        Assert.Contains("暂无异议", html);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/admin/notices/objections/{id}", Cancel)).StatusCode);
    }

    [Fact]
    public async Task List_ForTheCommittee_ShowsAll()
    {
        var html = await (await site.SignInAsync("committee1")).GetStringAsync("/admin/notices/objections", Cancel);

        Assert.Contains("李明", html);
        Assert.Contains("食堂伙食费", html);
        Assert.Contains("赵老师", html);
    }

    [Fact]
    public async Task List_ForAnEditor_IsForbidden()
    {
        var response = await (await site.SignInAsync("editor1")).GetAsync("/admin/notices/objections", Cancel);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Answer_WithoutText_IsRefused_WithText_IsSaved()
    {
        var client = await site.SignInAsync("committee1");
        var id = await IdOfAsync(SchoolText);
        var page = $"/admin/notices/objections/{id}";

        var empty = await SiteFactory.PostFormAsync(client, page, page, new() { ["answer"] = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("请填写答复内容", await empty.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(ObjectionStatus.Pending, (await GetAsync(id)).Status);

        var saved = await SiteFactory.PostFormAsync(client, page, page, new() { ["answer"] = "已与后勤服务中心沟通，调价方案将提交家长委员会讨论。" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var objection = await GetAsync(id);
        Assert.Equal(ObjectionStatus.Answered, objection.Status);
        Assert.Equal("committee1", objection.AnsweredBy);
        Assert.NotNull(objection.AnsweredUtc);
    }

    private async Task<long> IdOfAsync(string text) => (await FindAsync(o => o.Text == text)).Id;

    private Task<Objection> GetAsync(long id) => FindAsync(o => o.Id == id);

    private async Task<Objection> FindAsync(System.Linq.Expressions.Expression<Func<Objection, bool>> filter)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<Objection>().AsNoTracking().SingleAsync(filter, Cancel);
    }
}
