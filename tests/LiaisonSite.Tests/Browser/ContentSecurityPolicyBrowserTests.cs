using LiaisonSite.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LiaisonSite.Tests.Browser;

/// <summary>The Content-Security-Policy breaks nothing a person uses: Chromium reports no violation and the scripts run.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task PublicAndAdminPages_RunTheirScriptsWithNoPolicyViolation()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(page.Url + ": " + message.Text);
            }
        };

        await page.GotoAsync("/");
        await page.GotoAsync("/notices");
        await page.GotoAsync("/login");
        await page.GetByLabel("用户名或电子邮箱").FillAsync("committee1");
        await page.GetByLabel("密码").FillAsync(SiteFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync("**/admin**");

        // The rich-text editor is made by script (admin.js and Trix): if the policy blocked them it would be missing.
        await page.GotoAsync("/admin/contents/new/TypicalExample");
        var editor = page.Locator("trix-editor").First;
        await Assertions.Expect(editor).ToBeVisibleAsync();
        await editor.ClickAsync();
        await editor.PressSequentiallyAsync("内容安全策略");
        await Assertions.Expect(editor).ToContainTextAsync("内容安全策略");

        // data-confirm is handled by admin.js, not by an inline handler: dismissing the dialog keeps the page.
        var dialogs = 0;
        page.Dialog += async (_, dialog) =>
        {
            // Leaving the editor with typed text asks first (the unsaved-changes warning, also admin.js): leave.
            if (dialog.Type == DialogType.BeforeUnload)
            {
                await dialog.AcceptAsync();
                return;
            }

            dialogs++;
            await dialog.DismissAsync();
        };
        await page.GotoAsync("/admin/users");
        await page.GetByRole(AriaRole.Button, new() { Name = "删除" }).First.ClickAsync();

        Assert.Equal(1, dialogs);
        Assert.EndsWith("/admin/users", page.Url, StringComparison.Ordinal);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
