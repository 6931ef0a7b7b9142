using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using LiaisonSite.Tests.Modules.Contacts;

namespace LiaisonSite.Tests.Modules.Contents;

/// <summary>
/// Issue 8, finding 13: malformed input is a 400 naming the field (API) or a message on the page (forms), never a 500,
/// and nothing is saved.
/// </summary>
public sealed class MalformedInputTests(ContactsSite site) : IClassFixture<ContactsSite>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Api_NumberWhereTheTitleIsText_Is400NamingTitlePartTitle()
    {
        var editor = await site.SignInAsync("editor1");
        var page = ContentsHttp.Page("x", ContentsHttp.Unique("num-"), true);
        page["TitlePart"] = new JsonObject { ["Title"] = 5 };

        var errors = await ProblemAsync(await editor.PostAsJsonAsync("/api/content", page, Ct));

        Assert.NotNull(errors["TitlePart.Title"]);
    }

    [Theory]
    [InlineData("MemberId", "\"abc\"")]
    [InlineData("Category", "{\"a\": 1}")]
    [InlineData("StartDate", "\"2026-13-45\"")]
    [InlineData("Notes", "[1, 2]")]
    public async Task Api_WronglyTypedContactField_Is400NamingIt(string field, string json)
    {
        var secretary1 = await site.SignInAsync("secretary1");
        var contact = ContactsSite.Contact(site.Member1Id, site.PersonB1Other, 1);
        contact["ContactPart"]![field] = JsonNode.Parse(json);

        var errors = await ProblemAsync(await secretary1.PostAsJsonAsync("/api/content", contact, Ct));

        Assert.NotNull(errors[$"ContactPart.{field}"]);
    }

    [Theory]
    [InlineData("""{"ContentType": "Page", "ContentType": "Contact", "TitlePart": {"Title": "双键"}}""")]
    [InlineData("""{"ContentType": "Page", "TitlePart": {"Title": "一", "Title": "二"}}""")]
    [InlineData("""{"ContentType": "Page", "TitlePart": {"Title": "未闭合"}""")]
    [InlineData("""[1, 2, 3]""")]
    public async Task Api_DuplicateKeysOrBrokenJson_Is400(string body)
    {
        var editor = await site.SignInAsync("editor1");

        var errors = await ProblemAsync(await editor.PostAsync("/api/content", new StringContent(body, Encoding.UTF8, "application/json"), Ct));

        Assert.NotEmpty(errors);
    }

    [Theory]
    [InlineData("ContentItemId", "5")]
    [InlineData("ContentType", "{\"Name\": \"Page\"}")]
    [InlineData("Published", "\"maybe\"")]
    public async Task Api_WronglyTypedItemProperty_Is400NamingIt(string property, string json)
    {
        var editor = await site.SignInAsync("editor1");
        var page = ContentsHttp.Page("x", ContentsHttp.Unique("prop-"), false);
        page[property] = JsonNode.Parse(json);

        var errors = await ProblemAsync(await editor.PostAsJsonAsync("/api/content", page, Ct));

        Assert.NotNull(errors[property]);
    }

    [Theory]
    [InlineData("?from=0001-01-01")]
    [InlineData("?to=9999-12-31")]
    [InlineData("?from=0001-01-01&to=9999-12-31")]
    [InlineData("?from=2026-13-45")]
    public async Task AccessLog_DateAtTheEndsOfTheCalendarOrInvalid_IsAMessageOnThePage(string query)
    {
        var committee = await site.SignInAsync("committee1");

        var response = await committee.GetAsync("/admin/organization/access-log" + query, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("alert-warning", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageNumbers_BeyondAnyList_AreNotAServerError()
    {
        var committee = await site.SignInAsync("committee1");

        Assert.Equal(HttpStatusCode.OK, (await committee.GetAsync("/admin/organization/access-log?page=2147483647", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await committee.GetAsync("/admin/contents?page=2147483647", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.CreateClient().GetAsync("/news?page=2147483647", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await committee.GetAsync("/api/content?page=2147483647", Ct)).StatusCode);
    }

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!["errors"]!.AsObject();
    }
}
