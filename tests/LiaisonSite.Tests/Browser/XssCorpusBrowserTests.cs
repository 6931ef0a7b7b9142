using LiaisonSite.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LiaisonSite.Tests.Browser;

/// <summary>
/// Issue 8, finding 17: the XSS corpus (<see cref="XssCorpus"/>, 60 payloads) through every kind of input, rendered
/// by Chromium on the public and the admin pages. No dialog may open, no payload may set window.__xss, and no
/// handler, script, javascript: URL, srcdoc or &lt;xss-canary&gt; element of a payload may be in the DOM. Each
/// page carries many payloads at once, so the run stays short; each page must show its marker, so a page that
/// renders nothing cannot pass.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class XssCorpusBrowserTests(BrowserFixture browser)
{
    /// <summary>What a surviving payload leaves in the DOM. The site's own markup never says "xss".</summary>
    private const string FindInjections = """
        () => {
          const hits = [];
          const urlAttributes = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'background', 'poster', 'srcset'];
          for (const el of document.querySelectorAll('*')) {
            const tag = el.tagName.toLowerCase();
            for (const a of el.attributes) {
              const name = a.name.toLowerCase(), value = a.value;
              if (name.startsWith('on') && /xss|__xss/i.test(value)) hits.push(`${tag}[${name}]`);
              if (name === 'srcdoc') hits.push(`${tag}[srcdoc]`);
              if (urlAttributes.includes(name) && /^\s*(javascript|vbscript|data:text\/html)/i.test(value.replace(/[\s\u0000-\u001f]/g, ''))) hits.push(`${tag}[${name}=${value}]`);
              if (name === 'style' && /xss/i.test(value) && /(expression|javascript)/i.test(value)) hits.push(`${tag}[style]`);
              if (tag === 'meta' && name === 'http-equiv' && /refresh/i.test(value) && /javascript|xss/i.test(el.getAttribute('content') || '')) hits.push('meta refresh');
            }
            if ((tag === 'script' || tag === 'style') && /xss/i.test(el.textContent)) hits.push(`${tag} with xss`);
            if (['iframe', 'object', 'embed', 'base', 'frame', 'frameset'].includes(tag)) hits.push(tag);
          }
          if (document.querySelector('xss-canary')) hits.push('<xss-canary> element');
          if (window.__xss) hits.push('window.__xss set');
          return hits;
        }
        """;

    [Fact]
    public async Task Detector_SeesADialogAndAnInjectedHandler_SoTheCorpusTestsCanFail()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var dialogs = Watch(page);
        await page.GotoAsync("/health");

        await page.SetContentAsync("<p>x</p><img src=x onerror=\"window.__xss=1\"><xss-canary></xss-canary>");
        await page.EvaluateAsync("() => new Promise(r => setTimeout(() => { alert('xss'); r(); }, 0))");

        Assert.NotEmpty(dialogs);
        var hits = await page.EvaluateAsync<string[]>(FindInjections);
        Assert.Contains("img[onerror]", hits);
        Assert.Contains("<xss-canary> element", hits);
    }

    [Fact]
    public async Task PublicPages_RenderTheCorpus_WithoutAnyScriptRunning()
    {
        await XssCorpus.SeedAsync(browser.Site);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var dialogs = Watch(page);

        var pages = new List<(string Url, string Marker)> { ("/", "XSSG"), ("/examples", "XSSG") };
        for (var g = 0; g < XssCorpus.Groups; g++)
        {
            pages.Add(($"/xss/probe-{g}", XssCorpus.GroupMarker(g)));
            pages.Add(($"/examples/xss-{g}", XssCorpus.GroupMarker(g)));
        }

        await VisitAllAsync(page, dialogs, pages);
    }

    [Fact]
    public async Task AdminPages_RenderTheCorpus_WithoutAnyScriptRunning()
    {
        var seed = await XssCorpus.SeedAsync(browser.Site);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var dialogs = Watch(page);
        await SignInAsync(page);

        var pages = new List<(string Url, string Marker)>
        {
            ("/admin/contents?q=XSSG", "XSSG"),
            ($"/admin/contents/{seed.Examples[0]}/edit", "XSSG0"),
            ($"/admin/contents/{seed.Examples[1]}/preview", "XSSG1"),
            ($"/admin/contents/{seed.Probes[0]}/versions", "XSSG0"),
            ("/admin/organization/members?q=XSSM", "XSSM"),
            ("/admin/organization/members?q=XSSM&page=2", "XSSM"),
            ($"/admin/organization/members/{seed.MemberId}", "XSSM00"),
            ("/admin/organization/persons?q=XSSP", "XSSP"),
            ("/admin/organization/persons?q=XSSP&page=2", "XSSP"),
            ("/admin/contacts", "XSSM00"),
            ($"/admin/contents/{seed.ContactId}/edit", XssCorpus.Payloads[0]),
            ("/admin/notices/objections", XssCorpus.Payloads[0]),
            ($"/admin/notices/objections/{seed.ObjectionId}", "XSSG0"),
        };
        for (var g = 0; g < XssCorpus.Groups; g++)
        {
            pages.Add(($"/admin/contents/{seed.Probes[g]}/edit", XssCorpus.GroupMarker(g)));
            pages.Add(($"/admin/contents/{seed.Probes[g]}/preview", XssCorpus.GroupMarker(g)));
        }

        await VisitAllAsync(page, dialogs, pages);

        // A roster upload: every cell and the file's name are payloads, shown on the preview.
        await page.GotoAsync("/admin/organization/import");
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = XssCorpus.FileName, MimeType = "text/csv", Buffer = XssCorpus.RosterCsv(),
        });
        await page.Locator("form[action='/admin/organization/import'] button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains("/preview/", page.Url, StringComparison.Ordinal);
        await CheckAsync(page, dialogs, page.Url, "名单.csv");
    }

    private async Task VisitAllAsync(IPage page, List<string> dialogs, List<(string Url, string Marker)> pages)
    {
        foreach (var (url, marker) in pages)
        {
            var response = await page.GotoAsync(url);
            Assert.True(response?.Status == 200, $"{url}: {response?.Status}");
            await CheckAsync(page, dialogs, url, marker);
        }
    }

    private static async Task CheckAsync(IPage page, List<string> dialogs, string url, string marker)
    {
        // Handlers such as onfocus, ontoggle or onerror of late images fire just after load.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.WaitForTimeoutAsync(150);
        Assert.True(dialogs.Count == 0, $"{url}: a dialog opened: {string.Join(" | ", dialogs)}");
        var hits = await page.EvaluateAsync<string[]>(FindInjections);
        Assert.True(hits.Length == 0, $"{url}: injected markup survived: {string.Join(", ", hits)}");
        var shown = await page.InnerTextAsync("body") + await page.ContentAsync();
        Assert.True(shown.Contains(marker, StringComparison.Ordinal), $"{url}: the page does not show {marker}");
    }

    private static List<string> Watch(IPage page)
    {
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            lock (dialogs)
            {
                dialogs.Add($"{dialog.Type}: {dialog.Message} on {page.Url}");
            }

            await dialog.DismissAsync();
        };
        return dialogs;
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/login");
        await page.GetByLabel("用户名或电子邮箱").FillAsync(SiteFactory.AdminUserName);
        await page.GetByLabel("密码").FillAsync(SiteFactory.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
    }
}
