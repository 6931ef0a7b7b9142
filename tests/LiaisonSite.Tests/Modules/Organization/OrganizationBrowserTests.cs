using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Liaison.Organization.Data;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LiaisonSite.Tests.Modules.Organization;

/// <summary>The organization admin pages in a real browser: no serious axe violation, nothing wider than a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OrganizationBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        var services = browser.Site.Services;
        await OrganizationSeed.EnsureDemoMembersAsync(services);
        if (await OrganizationSeed.QueryAsync(services, db => Task.FromResult(db.Set<MassPerson>().Any(p => p.Number == "TB001"))))
        {
            return;
        }

        await OrganizationSeed.AddPersonAsync(services, PersonKind.Staff, "TB001", "浏览器测试教师", "branch-1", phone: "13812345678", idNumber: "110101198001011234");
        await OrganizationSeed.AddPersonAsync(services, PersonKind.Student, "TB002", "浏览器测试学生", "branch-1", grade: "高一");
        await OrganizationSeed.EnsureUnitAsync(services, "浏览器测试教研室", UnitKind.TeachingSection, "branch-1");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Theory]
    [InlineData("/admin/organization", false)]
    [InlineData("/admin/organization/members", false)]
    [InlineData("/admin/organization/persons", false)]
    [InlineData("/admin/organization/persons", true)]
    [InlineData("/admin/organization/units", false)]
    [InlineData("/admin/organization/coverage", false)]
    [InlineData("/admin/organization/visits", false)]
    [InlineData("/admin/organization/access-log", false)]
    public async Task OrganizationPage_HasNoSeriousAxeViolations_AndFitsThePhone(string path, bool phone)
    {
        await using var context = await browser.NewContextAsync(phone);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        var login = page.Locator("form[action='/login']");
        await login.GetByLabel("用户名或电子邮箱").FillAsync("committee1");
        await login.GetByLabel("密码").FillAsync(SiteFactory.DemoPassword);
        await login.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));

        var response = await page.GotoAsync(path);

        Assert.Equal(200, response!.Status);
        var name = "org" + path.Replace('/', '-') + (phone ? "-phone" : "");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png"), FullPage = true });
        var results = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        });
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(5).Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
        if (phone)
        {
            Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390);
        }
    }
}
