using System.Net;
using LiaisonSite.Tests.Infrastructure;
using static LiaisonSite.Tests.Modules.Contents.ContentsHttp;

namespace LiaisonSite.Tests.Modules.Contents;

/// <summary>The admin editor through HTTP on a site set up from the demo recipe.</summary>
public sealed class ContentEditorFlowTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Editor_CreatesPreviewsAndPublishes_ThenThePublicSeesItAtItsPath()
    {
        var editor = await site.SignInAsync("editor1");
        var anonymous = site.CreateBrowserClient();
        var title = Unique("编辑流程");
        var path = Unique("flow-");

        var form = await GetTextAsync(editor, "/admin/contents/new/Page");
        Assert.Contains("data-unsaved-warning", form, StringComparison.Ordinal);
        var id = await CreatePageAsync(editor, title, path, publish: false);

        var preview = await GetAsync(editor, $"/admin/contents/{id}/preview");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains(title, await TextAsync(preview), StringComparison.Ordinal);
        Assert.True(preview.Headers.CacheControl?.NoStore, "A preview must not be cached.");
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(anonymous, "/" + path)).StatusCode);

        var (_, stamp) = await OpenEditorAsync(editor, id);
        var published = await SaveAsync(editor, id, title, path, stamp, publish: true);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var page = await GetAsync(anonymous, "/" + path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(title, await TextAsync(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unpublish_HidesTheItem_AndTheOutputCacheForgetsIt()
    {
        var editor = await site.SignInAsync("editor1");
        var anonymous = site.CreateBrowserClient();
        var path = Unique("cached-");
        var id = await CreatePageAsync(editor, Unique("缓存"), path, publish: true);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(anonymous, "/" + path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(anonymous, "/" + path)).StatusCode);

        var response = await SiteFactory.PostFormAsync(editor, "/admin/contents", $"/admin/contents/{id}/unpublish", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(anonymous, "/" + path)).StatusCode);
    }

    [Fact]
    public async Task StaleEdit_IsRefusedWithAMessage_AndSavesNothing()
    {
        var editor = await site.SignInAsync("editor1");
        var path = Unique("stale-");
        var id = await CreatePageAsync(editor, "第一次保存", path, publish: false);
        var (_, staleStamp) = await OpenEditorAsync(editor, id);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(editor, id, "别人先保存", path, staleStamp)).StatusCode);

        var refused = await SaveAsync(editor, id, "我的旧修改", path, staleStamp);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("修改了它", await TextAsync(refused), StringComparison.Ordinal);
        var latest = await ListTitlesAsync(editor, "?type=Page&status=latest&pageSize=100");
        Assert.Contains("别人先保存", latest);
        Assert.DoesNotContain("我的旧修改", latest);
    }

    [Fact]
    public async Task InvalidEdit_ShowsTheErrorAtTheField_AndSavesNothing()
    {
        var editor = await site.SignInAsync("editor1");
        var path = Unique("invalid-");
        var id = await CreatePageAsync(editor, "有标题", path, publish: false);
        var (_, stamp) = await OpenEditorAsync(editor, id);

        var response = await SaveAsync(editor, id, "", path, stamp);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await TextAsync(response);
        Assert.Contains("field-error", html, StringComparison.Ordinal);
        var (_, stampAfter) = await OpenEditorAsync(editor, id);
        Assert.Equal(stamp, stampAfter);
    }

    [Fact]
    public async Task Member_CannotEditAnotherMembersItem_NorSeeItInTheList()
    {
        var member1 = await site.SignInAsync("member1");
        var member2 = await site.SignInAsync("member2");
        var title = Unique("党员一的草稿");
        var id = await CreatePageAsync(member1, title, Unique("own-"), publish: false);

        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(member2, $"/admin/contents/{id}/edit")).StatusCode);
        Assert.DoesNotContain(title, await GetTextAsync(member2, "/admin/contents?pageSize=100"), StringComparison.Ordinal);
        Assert.Contains(title, await GetTextAsync(member1, "/admin/contents?pageSize=100"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RestoreAsDraft_MakesTheEarlierTextTheLatestDraft()
    {
        var editor = await site.SignInAsync("editor1");
        var path = Unique("restore-");
        var original = Unique("原稿");
        var id = await CreatePageAsync(editor, original, path, publish: true);
        var (_, stamp) = await OpenEditorAsync(editor, id);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(editor, id, "改后的稿", path, stamp)).StatusCode);
        var versions = await GetTextAsync(editor, $"/admin/contents/{id}/versions");
        var firstVersion = System.Text.RegularExpressions.Regex.Matches(versions, "data-version-id=\"([^\"]+)\"")[^1].Groups[1].Value;

        var restored = await SiteFactory.PostFormAsync(editor, $"/admin/contents/{id}/versions", $"/admin/contents/{id}/versions/{firstVersion}/restore", []);

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        var (html, _) = await OpenEditorAsync(editor, id);
        Assert.Contains(original, html, StringComparison.Ordinal);
    }
}
