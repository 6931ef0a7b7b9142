using AngleSharp.Html.Parser;
using LiaisonSite.Tests.Infrastructure;

namespace LiaisonSite.Tests.Quality;

/// <summary>Every page names itself: a tab title "page — site" and exactly one h1, for people and screen readers.</summary>
public sealed class PageTitleTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string SiteName = "测试学校党委";

    [Theory]
    [InlineData("/", "首页")]
    [InlineData("/examples", "典型事例")]
    [InlineData("/news", "支部动态")]
    [InlineData("/typical-examples/a-heart-to-heart-talk", "一次谈心，解开青年教师的心结")]
    [InlineData("/login", "登录")]
    [InlineData("/no-such-page", "页面未找到")]
    public async Task PublicPage_HasPageAndSiteInTitle_AndOneH1(string path, string page)
    {
        await AssertNamedAsync(site.CreateClient(), path, $"{page} — {SiteName}");
    }

    [Theory]
    [InlineData("/admin", "仪表盘")]
    [InlineData("/admin/contents", "内容")]
    [InlineData("/admin/contents/new/TypicalExample", "新建典型事例")]
    [InlineData("/admin/content-types", "内容类型")]
    [InlineData("/admin/content-types/TypicalExample", "编辑内容类型：典型事例")]
    [InlineData("/admin/users", "用户")]
    [InlineData("/admin/roles", "角色")]
    [InlineData("/admin/recipes", "导入配方")]
    [InlineData("/admin/recipes/export", "导出配方")]
    [InlineData("/admin/settings", "站点设置")]
    [InlineData("/admin/pairing", "结对互动")]
    [InlineData("/admin/pairing/history", "结对历史")]
    public async Task AdminPage_HasPageAdminAndSiteInTitle_AndOneH1(string path, string page)
    {
        var client = await site.SignInAsync(SiteFactory.AdminUserName);

        await AssertNamedAsync(client, path, $"{page} — 管理后台 — {SiteName}");
    }

    private static async Task AssertNamedAsync(HttpClient client, string path, string title)
    {
        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(title, document.Title);
        Assert.Single(document.QuerySelectorAll("h1"));
    }
}
