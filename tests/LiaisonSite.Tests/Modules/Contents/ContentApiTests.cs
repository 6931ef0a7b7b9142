using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LiaisonSite.Tests.Infrastructure;
using static LiaisonSite.Tests.Modules.Contents.ContentsHttp;

namespace LiaisonSite.Tests.Modules.Contents;

/// <summary>/api/content: what each caller sees, and writes with the editor's rules.</summary>
public sealed class ContentApiTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Visibility_DependsOnTheCaller()
    {
        var editor = await site.SignInAsync("editor1");
        var member1 = await site.SignInAsync("member1");
        var member2 = await site.SignInAsync("member2");
        var anonymous = site.CreateBrowserClient();
        var published = Unique("公开");
        var editorDraft = Unique("编辑草稿");
        var memberDraft = Unique("党员草稿");
        await CreateViaApiAsync(editor, published, Unique("pub-"), published: true);
        await CreateViaApiAsync(editor, editorDraft, Unique("draft-"), published: false);
        await CreateViaApiAsync(member1, memberDraft, Unique("mine-"), published: false);
        const string latest = "?type=Page&status=latest&pageSize=100";

        var seenByAnonymous = await ListTitlesAsync(anonymous, latest);
        Assert.Contains(published, seenByAnonymous);
        Assert.DoesNotContain(editorDraft, seenByAnonymous);
        Assert.DoesNotContain(memberDraft, seenByAnonymous);

        var seenByMember1 = await ListTitlesAsync(member1, latest);
        Assert.Contains(published, seenByMember1);
        Assert.Contains(memberDraft, seenByMember1);
        Assert.DoesNotContain(editorDraft, seenByMember1);

        Assert.DoesNotContain(memberDraft, await ListTitlesAsync(member2, latest));

        var seenByEditor = await ListTitlesAsync(editor, latest);
        Assert.Contains(editorDraft, seenByEditor);
        Assert.Contains(memberDraft, seenByEditor);
    }

    [Fact]
    public async Task GetOne_OfADraft_IsNotFoundForTheAnonymousAndFoundForItsOwner()
    {
        var member1 = await site.SignInAsync("member1");
        var id = await CreateViaApiAsync(member1, Unique("草稿"), Unique("one-"), published: false);

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(site.CreateBrowserClient(), $"/api/content/{id}?status=latest")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(member1, $"/api/content/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(member1, $"/api/content/{id}?status=latest")).StatusCode);
    }

    [Fact]
    public async Task Post_InvalidItem_Returns400WithTheLocalizedFieldErrors()
    {
        var editor = await site.SignInAsync("editor1");

        var response = await PostItemAsync(editor, Page("", Unique("bad-"), published: true));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await JsonAsync(response))!;
        var messages = problem["errors"]!["TitlePart.Title"]!.AsArray();
        Assert.NotEmpty(messages);
        Assert.Matches("[\u4e00-\u9fff]", messages[0]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_AnonymousIs401_AndAMemberCannotPublish()
    {
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await PostItemAsync(site.CreateBrowserClient(), Page(Unique("匿名"), Unique("anon-"), published: false))).StatusCode);

        var member1 = await site.SignInAsync("member1");
        Assert.Equal(HttpStatusCode.Forbidden,
            (await PostItemAsync(member1, Page(Unique("越权"), Unique("forbidden-"), published: true))).StatusCode);
    }

    [Fact]
    public async Task Post_AMemberCannotUpdateAnotherMembersItem()
    {
        var member1 = await site.SignInAsync("member1");
        var member2 = await site.SignInAsync("member2");
        var id = await CreateViaApiAsync(member1, Unique("党员一"), Unique("m1-"), published: false);

        var response = await PostItemAsync(member2, Page("改别人的", Unique("m2-"), published: false, id));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Post_WithABearerToken_CreatesAndPublishesTheItem()
    {
        var client = site.CreateClient();
        var token = await PostJsonAsync(client, "/api/token", new { userName = "editor1", password = SiteFactory.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        var accessToken = (await JsonAsync(token))!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var title = Unique("令牌发布");

        var created = await PostItemAsync(client, Page(title, Unique("token-"), published: true));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var item = (await JsonAsync(created))!;
        Assert.True(item["Published"]!.GetValue<bool>());
        Assert.Equal("editor1", item["Owner"]!.GetValue<string>());
        Assert.Contains(title, await ListTitlesAsync(site.CreateBrowserClient(), "?type=Page&pageSize=100"));
    }

    [Theory]
    [InlineData("?page=abc")]
    [InlineData("?page=0")]
    [InlineData("?pageSize=ten")]
    [InlineData("?status=everything")]
    public async Task List_WithBadPagingOrStatus_Returns400(string query)
        => Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync(site.CreateBrowserClient(), "/api/content" + query)).StatusCode);

    [Fact]
    public async Task List_ClampsThePageSize()
    {
        var json = (await GetJsonAsync(site.CreateBrowserClient(), "/api/content?pageSize=1"))!;
        Assert.True(json["items"]!.AsArray().Count <= 1);
        Assert.True(json["total"]!.GetValue<int>() >= json["items"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(site.CreateBrowserClient(), "/api/content?pageSize=100000")).StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheContentApi()
    {
        var document = await GetTextAsync(site.CreateBrowserClient(), "/openapi/v1.json");
        Assert.Contains("/api/content/{contentItemId}", document, StringComparison.Ordinal);
        Assert.DoesNotContain("/admin/contents", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentUpdates_OfOneItem_AreSavedOrRefusedWith409_NeverAServerError()
    {
        var editor = await site.SignInAsync("editor1");
        var path = Unique("race-");
        var id = await CreateViaApiAsync(editor, Unique("并发"), path, published: false);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(i => PostItemAsync(editor, Page(Unique("并发修改" + i), path, published: false, id))));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(editor, $"/api/content/{id}?status=latest")).StatusCode);
    }
}
