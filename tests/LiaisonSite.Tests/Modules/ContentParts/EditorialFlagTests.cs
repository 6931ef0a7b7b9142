using System.Net;
using LiaisonSite.Tests.Infrastructure;

namespace LiaisonSite.Tests.Modules.ContentParts;

/// <summary>
/// Issue 15 item 6: a boolean field marked Editorial in its settings (the recipes' 推荐 flags) steers lists but is not
/// shown on the item's public page; the editor still offers it.
/// </summary>
public sealed class EditorialFlagTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/typical-examples/a-heart-to-heart-talk", "一次谈心，解开青年教师的心结", "在首页推荐")]
    [InlineData("/members/li-jing", "李静", "在“典型人物”栏目靠前展示")]
    public async Task AFeaturedItemsPublicPage_ShowsNoEditorialFlag(string path, string title, string flag)
    {
        var response = await site.CreateBrowserClient().GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains(title, html);
        Assert.DoesNotContain(flag, html);
        Assert.DoesNotContain("field-boolean", html);
    }

    [Fact]
    public async Task TheEditor_StillOffersTheEditorialFlag()
    {
        var editor = await site.SignInAsync("editor1");
        var form = await editor.GetStringAsync("/admin/contents/new/TypicalExample", Cancel);
        Assert.Contains("在首页推荐", form);
    }
}
