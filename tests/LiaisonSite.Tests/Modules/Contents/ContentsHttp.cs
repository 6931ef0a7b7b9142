using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LiaisonSite.Tests.Infrastructure;

namespace LiaisonSite.Tests.Modules.Contents;

/// <summary>What the contents tests do through HTTP: the editor's forms and the JSON API.</summary>
internal static partial class ContentsHttp
{
    /// <summary>Creates a Page through the editor; returns its ContentItemId.</summary>
    public static async Task<string> CreatePageAsync(HttpClient client, string title, string path, bool publish)
    {
        var response = await SiteFactory.PostFormAsync(client, "/admin/contents/new/Page",
            publish ? "/admin/contents/new/Page/publish" : "/admin/contents/new/Page", PageFields(title, path));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var match = EditUrl().Match(response.Headers.Location!.OriginalString);
        Assert.True(match.Success, $"Unexpected redirect {response.Headers.Location}");
        return match.Groups[1].Value;
    }

    public static Dictionary<string, string> PageFields(string title, string path, string? stamp = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["TitlePart.Title"] = title,
            ["AutoroutePart.Path"] = path,
            ["HtmlBodyPart.Html"] = $"<p>{title}的正文。</p>",
        };
        if (stamp is not null)
        {
            fields["concurrencyStamp"] = stamp;
        }

        return fields;
    }

    /// <summary>The edit page and the concurrency stamp it carries.</summary>
    public static async Task<(string Html, string Stamp)> OpenEditorAsync(HttpClient client, string id)
    {
        var html = await GetTextAsync(client, $"/admin/contents/{id}/edit");
        var stamp = StampInput().Match(html);
        Assert.True(stamp.Success, "The editor has no concurrency stamp.");
        return (html, stamp.Groups[1].Value);
    }

    /// <summary>Posts the editor with the stamp read earlier (the token comes from a fresh GET).</summary>
    public static async Task<HttpResponseMessage> SaveAsync(HttpClient client, string id, string title, string path, string stamp, bool publish = false)
    {
        var page = await GetTextAsync(client, $"/admin/contents/{id}/edit");
        var fields = PageFields(title, path, stamp);
        fields["__RequestVerificationToken"] = SiteFactory.AntiforgeryToken(page);
        return await client.PostAsync(publish ? $"/admin/contents/{id}/edit/publish" : $"/admin/contents/{id}/edit", new FormUrlEncodedContent(fields), Ct);
    }

    public static Task<HttpResponseMessage> PostItemAsync(HttpClient client, JsonObject item)
        => PostJsonAsync(client, "/api/content", item);

    public static JsonObject Page(string title, string path, bool published, string? id = null) => new()
    {
        ["ContentItemId"] = id,
        ["ContentType"] = "Page",
        ["Published"] = published,
        ["TitlePart"] = new JsonObject { ["Title"] = title },
        ["AutoroutePart"] = new JsonObject { ["Path"] = path },
        ["HtmlBodyPart"] = new JsonObject { ["Html"] = $"<p>{title}</p>" },
    };

    /// <summary>Creates a Page through the API as <paramref name="client"/>'s user; returns its id.</summary>
    public static async Task<string> CreateViaApiAsync(HttpClient client, string title, string path, bool published)
    {
        var response = await PostItemAsync(client, Page(title, path, published));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = (await JsonAsync(response))!;
        return json["ContentItemId"]!.GetValue<string>();
    }

    public static async Task<List<string>> ListTitlesAsync(HttpClient client, string query)
    {
        var json = (await GetJsonAsync(client, "/api/content" + query))!;
        return [.. json["items"]!.AsArray().Select(i => i!["DisplayText"]!.GetValue<string>())];
    }

    // Helpers pass the test's cancellation token, so the tests read as plain requests.
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<HttpResponseMessage> GetAsync(HttpClient client, string url) => client.GetAsync(url, Ct);

    public static Task<string> GetTextAsync(HttpClient client, string url) => client.GetStringAsync(url, Ct);

    public static Task<JsonObject?> GetJsonAsync(HttpClient client, string url) => client.GetFromJsonAsync<JsonObject>(url, Ct);

    public static Task<HttpResponseMessage> PostJsonAsync<T>(HttpClient client, string url, T body) => client.PostAsJsonAsync(url, body, Ct);

    public static Task<string> TextAsync(HttpResponseMessage response) => response.Content.ReadAsStringAsync(Ct);

    public static Task<JsonObject?> JsonAsync(HttpResponseMessage response) => response.Content.ReadFromJsonAsync<JsonObject>(Ct);

    public static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 8)];

    [GeneratedRegex("^/admin/contents/([A-Za-z0-9]+)/edit$")]
    private static partial Regex EditUrl();

    [GeneratedRegex("name=\"concurrencyStamp\" value=\"([^\"]*)\"")]
    private static partial Regex StampInput();
}
