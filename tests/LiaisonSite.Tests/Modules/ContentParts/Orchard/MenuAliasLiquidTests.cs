using System.Net;
using Liaison.ContentParts.Menus;
using LiaisonSite.Core.Recipes;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.ContentParts.Orchard;

/// <summary>
/// The Orchard-shaped blog site's main menu (alias main-menu) in the public navigation, the alias rule, LiquidPart and
/// Liquid in an HTML body where the type allows it.
/// </summary>
public sealed class MenuAliasLiquidTests(BlogShapedSite site) : IClassFixture<BlogShapedSite>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MainMenu_IsShownAfterTheSitesOwnItems_WithResolvedAndSafeLinksOnly()
    {
        var page = await site.CreateClient().GetStringAsync("/blog", Ct);

        var nav = page[page.IndexOf("tb-nav", StringComparison.Ordinal)..page.IndexOf("</nav>", page.IndexOf("tb-nav", StringComparison.Ordinal), StringComparison.Ordinal)];
        Assert.Contains("<a href=\"/about\">About the office</a>", nav);
        Assert.Contains("<a href=\"https://www.moe.gov.cn/\">Ministry</a>", nav);
        Assert.Contains("<a href=\"/blog\">Our blog</a>", nav);
        Assert.DoesNotContain("Sneaky link", nav);
        Assert.DoesNotContain("javascript:", page);
        Assert.True(nav.IndexOf("/opinions/new", StringComparison.Ordinal) < nav.IndexOf("About the office", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NestedMenuItems_AreShownAsNestedNavigation_WithoutScript_AndSafeLinksOnly()
    {
        var page = await site.CreateClient().GetStringAsync("/blog", Ct);
        var nav = page[page.IndexOf("tb-nav", StringComparison.Ordinal)..page.IndexOf("</nav>", page.IndexOf("tb-nav", StringComparison.Ordinal), StringComparison.Ordinal)];

        // The group: a summary that opens its list, its own link first inside it, then its items in order.
        var group = nav[nav.IndexOf("<summary>Party work</summary>", StringComparison.Ordinal)..];
        var sub = group[..group.IndexOf("</details>", StringComparison.Ordinal)];
        Assert.Contains("<ul class=\"tb-nav__sub\">", sub);
        Assert.Contains("<a href=\"/blog/post-1\">Party work</a>", sub);
        Assert.True(sub.IndexOf("/blog/post-1", StringComparison.Ordinal) < sub.IndexOf("<a href=\"/reception\">Reception days</a>", StringComparison.Ordinal));
        Assert.True(sub.IndexOf("Reception days", StringComparison.Ordinal) < sub.IndexOf("<a href=\"/blog\">Blog (nested)</a>", StringComparison.Ordinal));
        Assert.DoesNotContain("Nested sneaky", nav);

        // A third level under a heading whose own link is refused: the heading stays (no link), its item is shown.
        var archives = group[group.IndexOf("<summary>Archives</summary>", StringComparison.Ordinal)..];
        Assert.Contains("<a href=\"/news\">Branch news archive</a>", archives[..archives.IndexOf("</details>", StringComparison.Ordinal)]);
        Assert.DoesNotContain(">Archives</a>", nav);
        Assert.DoesNotContain("javascript:", page);
    }

    [Theory]
    [InlineData("~/", "/")]
    [InlineData("~/about", "/about")]
    [InlineData("~/#services", "/#services")]
    [InlineData("#team", "#team")]
    [InlineData("mailto:office@example.edu.cn", "mailto:office@example.edu.cn")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData(" JavaScript:alert(1)", null)]
    [InlineData("data:text/html,x", null)]
    [InlineData("//evil.example", null)]
    [InlineData("~//evil.example", null)]
    [InlineData("", null)]
    public void MenuUrls_ResolveTildeAndKeepOnlySafeSchemes(string url, string? expected)
        => Assert.Equal(expected, MenuUrls.Resolve(url));

    [Fact]
    public async Task Alias_IsUnique_ASecondItemWithTheSameAliasIsRefused()
    {
        const string recipe = """
            { "name": "second-menu", "steps": [ { "name": "Content", "data": [
              { "ContentType": "Menu", "ContentItemId": "secondmenu0000000000000001", "DisplayText": "Other", "Published": true,
                "TitlePart": { "Title": "Other" }, "AliasPart": { "Alias": "Main-Menu" } } ] } ] }
            """;
        await using var scope = site.Services.CreateAsyncScope();
        var error = await Assert.ThrowsAsync<RecipeException>(() =>
            scope.ServiceProvider.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe, cancellationToken: Ct));

        Assert.Contains("main-menu", error.Message);
        Assert.Contains("Nothing was changed", error.Message);
    }

    [Fact]
    public async Task LiquidPart_IsRenderedWithOrchardsFilters_AndSanitized()
    {
        var page = await site.CreateClient().GetStringAsync("/liquid-corner", Ct);

        Assert.Contains("<p class=\"liquid-title\">LIQUID CORNER</p>", page);
        Assert.Contains("A <strong>bold</strong> word", page);
        Assert.Contains("<span class=\"n\">3</span>", page);
        Assert.DoesNotContain("alert(2)", page);
    }

    [Fact]
    public async Task HtmlBodyLiquid_RunsOnlyWhereTheTypeAllowsIt()
    {
        var client = site.CreateClient();

        Assert.Contains("Rendered: liquid-allowed", await client.GetStringAsync("/liquid-allowed", Ct));
        var kept = await client.GetStringAsync("/liquid-kept", Ct);
        Assert.Contains("Kept: {{ ContentItem | display_text | slugify }}", kept);
    }

    [Fact]
    public async Task PartsWithoutCode_KeepTheirData_ThroughImportAndEdit()
    {
        var id = LiaisonSite.Core.ContentManagement.ContentItem.NewId();
        var recipe = """
            { "name": "unknown-parts", "steps": [ { "name": "Content", "data": [
              { "ContentType": "Article", "ContentItemId": "ITEM_ID", "DisplayText": "Footer note", "Published": true,
                "TitlePart": { "Title": "Footer note" }, "HtmlBodyPart": { "Html": "<p>Footer</p>" },
                "LayerMetadata": { "Layer": "Always", "Zone": "Footer", "Position": 10 },
                "SeoMetaPart": { "PageTitle": "Kept as it came" } } ] } ] }
            """.Replace("ITEM_ID", id, StringComparison.Ordinal);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe, cancellationToken: Ct);
        }

        await using (var scope = site.Services.CreateAsyncScope())
        {
            var contents = scope.ServiceProvider.GetRequiredService<LiaisonSite.Core.ContentManagement.IContentManager>();
            var draft = (await contents.GetAsync(id, LiaisonSite.Core.ContentManagement.VersionOptions.DraftRequired))!;
            draft.Content["HtmlBodyPart"]!["Html"] = "<p>Footer, edited</p>";
            await contents.UpdateAsync(draft, publish: true);
            await scope.ServiceProvider.GetRequiredService<LiaisonSite.Core.Data.LiaisonDbContext>().SaveChangesAsync(Ct);
        }

        await using (var scope = site.Services.CreateAsyncScope())
        {
            var item = await scope.ServiceProvider.GetRequiredService<LiaisonSite.Core.ContentManagement.IContentManager>()
                .GetAsync(id, LiaisonSite.Core.ContentManagement.VersionOptions.Published);
            Assert.Equal("<p>Footer, edited</p>", item!.Content["HtmlBodyPart"]!["Html"]!.GetValue<string>());
            Assert.Equal("Footer", item.Content["LayerMetadata"]!["Zone"]!.GetValue<string>());
            Assert.Equal("Kept as it came", item.Content["SeoMetaPart"]!["PageTitle"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task ALiquidBodyThatDoesNotParse_IsRefusedWithAClearMessage()
    {
        const string recipe = """
            { "name": "broken-liquid", "steps": [ { "name": "Content", "data": [
              { "ContentType": "LiquidPage", "DisplayText": "Broken", "Published": true,
                "TitlePart": { "Title": "Broken" }, "LiquidPart": { "Liquid": "{% for x in %}" } } ] } ] }
            """;
        await using var scope = site.Services.CreateAsyncScope();
        var error = await Assert.ThrowsAsync<RecipeException>(() =>
            scope.ServiceProvider.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe, cancellationToken: Ct));

        Assert.Contains("Liquid", error.Message);
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateClient().GetAsync("/broken", Ct)).StatusCode);
    }
}
