using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using LiaisonSite.Tests.Infrastructure;
using LiaisonSite.Tests.Modules.ContentParts.Orchard;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LiaisonSite.Tests.Browser;

/// <summary>The Orchard-shaped blog and agency sites on real Kestrel ports, with Debian's Chromium.</summary>
public sealed class OrchardShapedBrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public BlogShapedSite Blog { get; } = new();

    public AgencyShapedSite Agency { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public string BlogUrl { get; private set; } = "";

    public string AgencyUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        BlogUrl = Start(Blog);
        AgencyUrl = Start(Agency);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task<IPage> PageAsync(string baseUrl, bool phone)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            Locale = "zh-CN",
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return await context.NewPageAsync();
    }

    private static string Start(SiteFactory site)
    {
        site.UseKestrel(0);
        site.StartServer();
        var addresses = site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        return addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Blog.DisposeAsync();
        await Agency.DisposeAsync();
    }
}

/// <summary>
/// The blog list and the BagPart landing page as a person sees them, at phone and desktop width: the list's links and
/// pager, the bag's headings, nothing running off the screen. Screenshots go to artifacts/screenshots.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OrchardShapedBrowserTests(OrchardShapedBrowserFixture sites) : IClassFixture<OrchardShapedBrowserFixture>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task BlogList_ShowsPostsAndPager_WithinTheScreen(bool phone)
    {
        var page = await sites.PageAsync(sites.BlogUrl, phone);
        await page.GotoAsync("/blog");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Blog", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Third visit" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "About the office" })).ToHaveAttributeAsync("href", "/about");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"orchard-blog-list-{(phone ? "phone" : "desktop")}.png"), FullPage = true });
        Assert.False(await OverflowsAsync(page));

        await page.GetByRole(AriaRole.Link, new() { Name = "下一页" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Walking the campus" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Walking the campus" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Problems look small from the playground")).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task LandingPage_ShowsItsBagsAsSections_WithinTheScreen(bool phone)
    {
        var page = await sites.PageAsync(sites.AgencyUrl, phone);
        await page.GotoAsync("/home-page");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Services", Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Heart-to-heart talks", Level = 3 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Team", Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("A paragraph inside a container")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"orchard-landing-{(phone ? "phone" : "desktop")}.png"), FullPage = true });
        Assert.False(await OverflowsAsync(page));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task NestedMenu_OpensByTouchAndKeyboard_WithinTheScreen(bool phone)
    {
        var page = await sites.PageAsync(sites.BlogUrl, phone);
        await page.GotoAsync("/blog");
        var reception = page.GetByRole(AriaRole.Link, new() { Name = "Reception days", Exact = true });
        var archive = page.GetByRole(AriaRole.Link, new() { Name = "Branch news archive" });
        await Assertions.Expect(reception).ToBeHiddenAsync();

        await page.Locator("summary", new() { HasText = "Party work" }).ClickAsync();
        await Assertions.Expect(reception).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Blog (nested)" })).ToHaveAttributeAsync("href", "/blog");
        await Assertions.Expect(archive).ToBeHiddenAsync();

        // The third level by keyboard: focus the inner summary and open it with Enter.
        await page.Locator("summary", new() { HasText = "Archives" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(archive).ToBeVisibleAsync();
        await Assertions.Expect(archive).ToHaveAttributeAsync("href", "/news");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"orchard-nested-menu-{(phone ? "phone" : "desktop")}.png"), FullPage = true });
        Assert.False(await OverflowsAsync(page));
        var box = await reception.BoundingBoxAsync();
        Assert.True(box is not null && box.Height >= (phone ? 44 : 20), $"The nested link should be an easy target, was {box?.Height} px high.");
        var axe = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        });
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }

    [Fact]
    public async Task Root_ShowsTheLandingPageTheRecipeSetAsHome()
    {
        var page = await sites.PageAsync(sites.AgencyUrl, phone: true);
        await page.GotoAsync("/");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Services", Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Heart-to-heart talks", Level = 3 })).ToBeVisibleAsync();
        Assert.False(await OverflowsAsync(page));
    }

    private static Task<bool> OverflowsAsync(IPage page)
        => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1");
}
