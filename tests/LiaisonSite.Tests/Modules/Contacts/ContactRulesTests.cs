using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Liaison.Contacts.Parts;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Recipes;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Contacts;

/// <summary>The rules of an assignment, through the API (the editor shares them) and recipes.</summary>
public sealed class ContactRulesTests(ContactsSite site) : IClassFixture<ContactsSite>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_BySecretary1_ForAMemberOfBranch2_IsRejected()
    {
        var client = await site.SignInAsync("secretary1");

        var response = await client.PostAsJsonAsync("/api/content", ContactsSite.Contact(site.Member3Id, site.PersonB1, 1), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ContactPart.MemberId", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Create_ByAMember_IsForbidden()
    {
        var client = await site.SignInAsync("member1");

        var response = await client.PostAsJsonAsync("/api/content", ContactsSite.Contact(site.Member1Id, site.PersonB1, 3), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData(5, null, null, "ContactPart.Category")]
    [InlineData(3, "2026-09-01", "2026-08-01", "ContactPart.EndDate")]
    [InlineData(2, null, null, "ContactPart.PersonId")]
    public async Task Create_WithBadValues_IsRejected(int category, string? start, string? end, string key)
    {
        var client = await site.SignInAsync("secretary1");
        // Category 2 with the person member1 already has in category 2 is a duplicate while it runs.
        var person = category == 2 ? (await PersonOfAsync(site.Member1Hardship)) : site.PersonB1;

        var response = await client.PostAsJsonAsync("/api/content", ContactsSite.Contact(site.Member1Id, person, category, start, end), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(key, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Create_BySecretary1_InTheirBranch_SetsTheBranchFromTheMember()
    {
        var client = await site.SignInAsync("secretary1");

        var response = await client.PostAsJsonAsync("/api/content",
            ContactsSite.Contact(site.Member1Id, site.PersonB1Other, ContactCategories.YoungStaff, "2026-09-01", "2027-07-01"), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal("branch-1", json["ContactPart"]!["BranchId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Recipe_NamingRowsByNumber_StoresIdsOnly()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var recipe = """
            {"name": "t", "steps": [{"name": "Content", "data": [{"ContentItemId": "contactrecipe1", "ContentType": "Contact",
              "ContactPart": {"MemberNumber": "D202", "PersonKind": "Student", "PersonNumber": "T9004", "Category": 1}}]}]}
            """;

        await scope.ServiceProvider.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe, cancellationToken: Ct);

        var item = (await scope.ServiceProvider.GetRequiredService<IContentManager>().GetAsync("contactrecipe1"))!;
        var part = item.Content["ContactPart"]!.AsObject();
        Assert.Equal(site.Member3Id, part["MemberId"]!.GetValue<int>());
        Assert.Equal(site.PersonB2, part["PersonId"]!.GetValue<int>());
        Assert.Equal("branch-2", part["BranchId"]!.GetValue<string>());
        Assert.False(part.ContainsKey("MemberNumber"));
        Assert.False(part.ContainsKey("PersonNumber"));
        Assert.EndsWith("的联系对象：入党积极分子", item.DisplayText);
    }

    [Fact]
    public async Task Recipe_WithAnUnknownMemberNumber_FailsNamingIt()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var recipe = """
            {"name": "t", "steps": [{"name": "Content", "data": [{"ContentType": "Contact",
              "ContactPart": {"MemberNumber": "X999", "PersonKind": "Student", "PersonNumber": "T9004", "Category": 1}}]}]}
            """;

        var error = await Assert.ThrowsAsync<RecipeException>(
            () => scope.ServiceProvider.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe, cancellationToken: Ct));

        Assert.Contains("X999", error.Message);
    }

    private async Task<int> PersonOfAsync(string contentItemId)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var item = (await scope.ServiceProvider.GetRequiredService<IContentManager>().GetAsync(contentItemId))!;
        return item.As<ContactPart>().PersonId;
    }
}
