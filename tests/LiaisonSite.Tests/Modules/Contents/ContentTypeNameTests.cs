using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LiaisonSite.Core.Data;
using LiaisonSite.Tests.Modules.Contacts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Contents;

/// <summary>
/// Issue 8, finding 4: a type name from a route, a body or a query is resolved to its definition before any rule
/// sees it, so "contact" is "Contact" (scoped) and never a way around the Contact scope.
/// </summary>
public sealed class ContentTypeNameTests(ContactsSite site) : IClassFixture<ContactsSite>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("member1", "contact")]
    [InlineData("editor1", "contact")]
    [InlineData("editor1", "CONTACT")]
    [InlineData("member1", "Contact")]
    public async Task NewEditor_OfContact_InAnyCase_IsForbiddenToMembersAndEditors(string user, string typeName)
    {
        var client = await site.SignInAsync(user);

        var response = await client.GetAsync($"/admin/contents/new/{typeName}", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task NewEditor_InLowerCase_ForASecretary_IsTheContactEditor_UnderItsCanonicalName()
    {
        var client = await site.SignInAsync("secretary1");

        var html = await client.GetStringAsync("/admin/contents/new/contact", Ct);

        Assert.Contains("action=\"/admin/contents/new/Contact\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewEditor_OfAnUnknownType_IsNotFound()
    {
        var client = await site.SignInAsync("editor1");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/contents/new/NoSuchType", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("member1", "contact")]
    [InlineData("editor1", "contact")]
    [InlineData("editor1", "cOnTaCt")]
    public async Task Api_ContentTypeInAnotherCase_CreatesNoContact(string user, string typeName)
    {
        var client = await site.SignInAsync(user);
        var before = await ContactVersionsAsync();
        var body = ContactsSite.Contact(site.Member1Id, site.PersonB1Other, 1);
        body["ContentType"] = typeName;

        var response = await client.PostAsJsonAsync("/api/content", body, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await ContactVersionsAsync());
    }

    [Fact]
    public async Task Api_ContentTypeInLowerCase_BySecretary_IsStoredUnderTheCanonicalName()
    {
        var client = await site.SignInAsync("secretary1");
        var body = ContactsSite.Contact(site.Member1Id, site.PersonB1Other, 1, "2026-09-01");
        body["ContentType"] = "contact";

        var response = await client.PostAsJsonAsync("/api/content", body, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal("Contact", json["ContentType"]!.GetValue<string>());
    }

    [Fact]
    public async Task ApiList_TypeInLowerCase_IsTheSameTypeAndTheSameScope()
    {
        var member1 = await site.SignInAsync("member1");

        var lower = await IdsAsync(member1, "/api/content?type=contact&pageSize=100");
        var canonical = await IdsAsync(member1, "/api/content?type=Contact&pageSize=100");

        Assert.Contains(site.Member1Activist, canonical);
        Assert.Equal(canonical.Order(), lower.Order());
        Assert.DoesNotContain(site.Member3Assistance, lower);
    }

    private static async Task<List<string>> IdsAsync(HttpClient client, string url)
    {
        var json = (await client.GetFromJsonAsync<JsonObject>(url, Ct))!;
        return [.. json["items"]!.AsArray().Select(i => i!["ContentItemId"]!.GetValue<string>())];
    }

    private async Task<int> ContactVersionsAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().ContentItems
            .CountAsync(c => c.ContentType.ToLower() == "contact", Ct);
    }
}
