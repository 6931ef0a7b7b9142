using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LiaisonSite.Tests.Quality;

/// <summary>axe-core finds no serious or critical accessibility violation on the pages people use most.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("/", false)]
    [InlineData("/examples", false)]
    [InlineData("/typical-examples/a-heart-to-heart-talk", false)]
    [InlineData("/login", false)]
    [InlineData("/", true)]
    public async Task PublicPage_HasNoSeriousAxeViolations(string path, bool phone)
    {
        await using var context = await browser.NewContextAsync(phone);
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(path);

        Assert.Equal(200, response!.Status);
        await AssertAccessibleAsync(page, $"a11y{Name(path)}{(phone ? "-phone" : "")}");
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/contents")]
    [InlineData("/admin/settings")]
    public async Task AdminPage_HasNoSeriousAxeViolations(string path)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, SiteFactory.AdminUserName, SiteFactory.AdminPassword);

        var response = await page.GotoAsync(path);

        Assert.Equal(200, response!.Status);
        Assert.StartsWith("/admin", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await AssertAccessibleAsync(page, $"a11y{Name(path)}");
    }

    /// <summary>
    /// Issue 15, item 12: every page of a member's, secretary's and editor's menu, at phone width, signed in as them —
    /// no serious or critical violation (label-content-name-mismatch, experimental in axe, is run too).
    /// </summary>
    [Theory]
    [InlineData("member1")]
    [InlineData("secretary1")]
    [InlineData("editor1")]
    public async Task SignedInMenuPages_AtPhoneWidth_HaveNoSeriousAxeViolations(string user)
    {
        await using var context = await browser.NewContextAsync(phone: true);
        var page = await context.NewPageAsync();
        await SignInAsync(page, user, SiteFactory.DemoPassword);
        var menu = await page.EvalOnSelectorAllAsync<string[]>(
            "#admin-sidebar a.nav-link[href]", "els => els.map(e => e.getAttribute('href'))");
        Assert.NotEmpty(menu);

        var problems = new List<string>();
        foreach (var path in menu.Prepend("/admin").Distinct())
        {
            var response = await page.GotoAsync(path);
            if (response is null || response.Status != 200
                || !(response.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal)))
            {
                continue;
            }

            problems.AddRange(await SeriousViolationsAsync(page));
        }

        Assert.True(problems.Count == 0, $"{user}:\n" + string.Join("\n", problems));
    }

    [Theory]
    [InlineData("/admin/contents")]
    [InlineData("/admin/users")]
    [InlineData("/admin/content-types/TypicalExample")]
    public async Task AdminPage_OnAPhone_DoesNotScrollSideways(string path)
    {
        await using var context = await browser.NewContextAsync(phone: true);
        var page = await context.NewPageAsync();
        await SignInAsync(page, SiteFactory.AdminUserName, SiteFactory.AdminPassword);

        await page.GotoAsync(path);

        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"phone{Name(path)}.png"), FullPage = true });
        Assert.True(width <= 390, $"{path} is {width}px wide on a 390px phone");
    }

    private static async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/login");
        var form = page.Locator("form[action='/login']");
        await form.GetByLabel("用户名或电子邮箱").FillAsync(userName);
        await form.GetByLabel("密码").FillAsync(password);
        await form.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
    }

    private static async Task AssertAccessibleAsync(IPage page, string screenshot)
    {
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, screenshot + ".png"), FullPage = true });
        var serious = await SeriousViolationsAsync(page);
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }

    private static async Task<List<string>> SeriousViolationsAsync(IPage page)
    {
        var results = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
            Rules = new Dictionary<string, RuleOptions> { ["label-content-name-mismatch"] = new RuleOptions { Enabled = true } },
        });

        return results.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{page.Url}: {v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(5).Select(n => n.Target?.ToString()))}")
            .ToList();
    }

    private static string Name(string path) => path == "/" ? "-home" : path.Replace('/', '-');
}
