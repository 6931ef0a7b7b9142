using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Tests.Modules.Contacts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.ContentParts;

/// <summary>
/// Issue 8, finding 5: a content picker shows only items of the types its settings allow that the viewer may see,
/// and cannot be saved pointing at an item of another type (a contact's id in a branch picker).
/// </summary>
public sealed class ContentPickerScopeTests(ContactsSite site) : IClassFixture<ContactsSite>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Preview_OfADraftWhoseBranchPickerHoldsAContactsId_ShowsTheBranch_NotTheContactsTitle()
    {
        // Stored as data saved before the rule existed (the API now refuses it, see below).
        var id = await StoreDraftAsync("member1", [site.Member1Hardship, "branch-1"]);
        var member1 = await site.SignInAsync("member1");

        var html = await member1.GetStringAsync($"/admin/contents/{id}/preview", Ct);

        Assert.Contains(await TitleAsync("branch-1"), html, StringComparison.Ordinal);
        Assert.DoesNotContain(await TitleAsync(site.Member1Hardship), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_BranchPickerHoldingAContactsId_IsRefused_NamingTheField()
    {
        var member1 = await site.SignInAsync("member1");
        var example = new JsonObject
        {
            ["ContentType"] = "TypicalExample",
            ["TitlePart"] = new JsonObject { ["Title"] = "选择器越权" },
            ["AutoroutePart"] = new JsonObject { ["Path"] = "examples/picker-" + Guid.NewGuid().ToString("N")[..8] },
            ["TypicalExample"] = new JsonObject
            {
                ["Summary"] = new JsonObject { ["Text"] = "摘要" },
                ["Branch"] = new JsonObject { ["ContentItemIds"] = new JsonArray(site.Member1Hardship) },
            },
        };

        var response = await member1.PostAsJsonAsync("/api/content", example, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!["TypicalExample.Branch"]);
    }

    [Fact]
    public async Task Editor_OffersOnlyTheFieldsTypes_NeverAContact()
    {
        var committee = await site.SignInAsync("committee1");

        var html = await committee.GetStringAsync("/admin/contents/new/TypicalExample", Ct);

        Assert.Contains("value=\"branch-1\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(site.Member1Hardship, html, StringComparison.Ordinal);
    }

    private async Task<string> StoreDraftAsync(string owner, string[] branchIds)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        var item = new ContentItem
        {
            ContentItemId = ContentItem.NewId(),
            ContentItemVersionId = ContentItem.NewId(),
            ContentType = "TypicalExample",
            DisplayText = "草稿事例",
            Latest = true,
            Owner = owner,
            Author = owner,
            CreatedUtc = DateTime.UtcNow,
            ModifiedUtc = DateTime.UtcNow,
            Content = new JsonObject
            {
                ["TitlePart"] = new JsonObject { ["Title"] = "草稿事例" },
                ["TypicalExample"] = new JsonObject
                {
                    ["Summary"] = new JsonObject { ["Text"] = "摘要" },
                    ["Branch"] = new JsonObject { ["ContentItemIds"] = new JsonArray([.. branchIds.Select(b => (JsonNode)b)]) },
                },
                ["HtmlBodyPart"] = new JsonObject { ["Html"] = "<p>正文</p>" },
            },
        };
        db.ContentItems.Add(item);
        await db.SaveChangesAsync(Ct);
        return item.ContentItemId;
    }

    private async Task<string> TitleAsync(string id)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().ContentItems
            .Where(c => c.ContentItemId == id && c.Latest).Select(c => c.DisplayText).SingleAsync(Ct);
    }
}
