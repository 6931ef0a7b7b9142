using System.Text.RegularExpressions;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LiaisonSite.Tests.Browser;

/// <summary>
/// Issue 15 ("Done when"): each role walks its admin at phone (390×844) and desktop (1366×900) width. It signs in,
/// opens every item of its menu and every distinct link of each page's main area (deduplicated by route pattern, so
/// a list of 40 items costs one visit), and every page it reaches must: answer no 403 (what a role cannot use is not
/// shown), show no empty alert box, show no English UI text at zh-CN, and not scroll sideways at 390 px.
/// POST buttons are probed without their antiforgery token: authorization runs before antiforgery, so a 403 means the
/// button was shown to someone who may not use it, while an allowed one stops at the missing token (400) and changes
/// nothing.
/// The walk has a demo site of its own (<see cref="RoleWalkCollection"/>): it reads every page, so the data other
/// browser tests add (the XSS corpus's Latin payloads) must not be on them.
/// </summary>
[Collection(RoleWalkCollection.Name)]
public sealed partial class RoleWalkBrowserTests(BrowserFixture browser)
{
    public static TheoryData<string, bool> Walks => new()
    {
        { "member1", true }, { "member1", false },
        { "secretary1", true }, { "secretary1", false },
        { "editor1", true }, { "editor1", false },
        { "committee1", true }, { "committee1", false },
    };

    /// <summary>
    /// Latin words that are not UI text: proper nouns, technical names a Chinese user sees in Chinese software too,
    /// and names from the demo data. Compared case-insensitively with whole words.
    /// </summary>
    private static readonly HashSet<string> AllowedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "ID", "Email", "E-mail", "URL", "Excel", "Markdown", "CSV", "JSON", "API", "PDF", "HTML", "XLSX", "PNG", "JPG", "JPEG",
        "Liquid", "SMTP", "SSL", "TLS", "IP", "QQ", "PPT", "Word", "English", "http", "https", "www", "com", "cn", "edu", "org",
        "GPA", "CPC", "WebP", "GIF", "admin", "OK", "AB", "UTC", "GMT", "ISO", "Redis", "Lucene", "SQLite", "PostgreSQL", "LiaisonSite",
    };

    [Theory]
    [MemberData(nameof(Walks))]
    public async Task Role_WalksEveryMenuItemAndAction_WithoutRefusalEmptyAlertEnglishOrSidewaysScroll(string user, bool phone)
    {
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseUrl,
            Locale = "zh-CN",
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        await SignInAsync(page, user);

        var problems = new List<string>();
        var menu = await page.EvalOnSelectorAllAsync<string[]>(
            "#admin-sidebar a.nav-link[href]", "els => els.map(e => e.getAttribute('href'))");
        Assert.NotEmpty(menu);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<(string Url, string From)>();
        queue.Enqueue(("/admin", "sign-in"));
        foreach (var url in menu)
        {
            queue.Enqueue((url, "menu"));
        }

        foreach (var (url, _) in queue)
        {
            seen.Add(Pattern(url));
        }

        var posts = new HashSet<string>(StringComparer.Ordinal);
        var visited = 0;
        while (queue.Count > 0)
        {
            var (url, from) = queue.Dequeue();
            visited++;
            IResponse? response;
            try
            {
                response = await page.GotoAsync(url);
            }
            catch (PlaywrightException e) when (e.Message.Contains("Download is starting", StringComparison.Ordinal))
            {
                var file = await context.APIRequest.GetAsync(url, new() { MaxRedirects = 0 });
                if (file.Status == 403 || file.Status >= 500)
                {
                    problems.Add($"{url} (linked from {from}) answered {file.Status}");
                }

                continue;
            }

            var status = response?.Status ?? 0;
            if (status == 403 || status >= 500)
            {
                problems.Add($"{url} (linked from {from}) answered {status}");
                continue;
            }

            if (!IsAdmin(page.Url) || !(response?.Headers.TryGetValue("content-type", out var type) == true && type.StartsWith("text/html", StringComparison.Ordinal)))
            {
                continue;
            }

            await CheckPageAsync(page, url, phone, problems);

            // Links of the page's main area, one per route pattern.
            var links = await page.EvalOnSelectorAllAsync<string[]>(
                "main a[href]",
                "els => els.filter(e => e.checkVisibility() && !e.hasAttribute('download') && !LaterRow(e)).map(e => e.getAttribute('href'))"
                    .Replace("LaterRow(e)", LaterRow, StringComparison.Ordinal));
            foreach (var link in links)
            {
                if (!link.StartsWith('/') || link.StartsWith("//", StringComparison.Ordinal) || link.StartsWith("/culture", StringComparison.Ordinal))
                {
                    continue;
                }

                var pattern = Pattern(link);
                if (seen.Add(pattern))
                {
                    if (IsAdmin(link) && !IsFile(link))
                    {
                        queue.Enqueue((link, url));
                    }
                    else
                    {
                        var probe = await context.APIRequest.GetAsync(link, new() { MaxRedirects = 0 });
                        if (probe.Status == 403 || probe.Status >= 500)
                        {
                            problems.Add($"{link} (linked from {url}) answered {probe.Status}");
                        }
                    }
                }
            }

            // POST buttons: probed without their antiforgery token (see the summary).
            var actions = await page.EvalOnSelectorAllAsync<string[]>(
                "main form[method=post i]",
                "els => els.flatMap(f => [...f.querySelectorAll('button:not([type=button]), input[type=submit]')]"
                + ".filter(e => e.checkVisibility() && !e.disabled && !" + LaterRow + ")"
                + ".map(b => b.getAttribute('formaction') || f.getAttribute('action') || location.pathname + location.search))");
            foreach (var action in actions)
            {
                if (action.StartsWith('/') && posts.Add(Pattern(action)))
                {
                    var probe = await context.APIRequest.PostAsync(action, new() { MaxRedirects = 0, Form = context.APIRequest.CreateFormData() });
                    if (probe.Status == 403)
                    {
                        problems.Add($"the button posting to {action} on {url} answered 403");
                    }
                }
            }
        }

        Assert.True(visited > menu.Length, $"{user} visited only the menu");
        Assert.True(problems.Count == 0, $"{user} at {(phone ? "390" : "1366")} px:\n" + string.Join("\n", problems.Distinct()));
    }

    /// <summary>
    /// The anonymous walk: the public navigation, then every distinct public link of the header, main area and footer
    /// (home, examples, stories, notices, news, branch pages, search, the objection form), one page per route pattern —
    /// an item's slug counts as its id, so a list of 40 stories costs one visit. No page may answer 403 or 500, show an
    /// empty alert, English UI text at zh-CN, or scroll sideways at 390 px.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Anonymous_WalksThePublicSite_WithoutRefusalEmptyAlertEnglishOrSidewaysScroll(bool phone)
    {
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseUrl,
            Locale = "zh-CN",
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        var problems = new List<string>();
        var menu = await page.EvalOnSelectorAllAsync<string[]>(
            "nav.tb-nav a[href]", "els => els.map(e => e.getAttribute('href'))");
        Assert.NotEmpty(menu);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<(string Url, string From)>();
        foreach (var url in menu.Prepend("/").Append("/search?q=%E6%94%AF%E9%83%A8"))
        {
            if (seen.Add(PublicPattern(url)))
            {
                queue.Enqueue((url, "menu"));
            }
        }

        var visitedPaths = new List<string>();
        var objectionTried = false;
        while (queue.Count > 0 && visitedPaths.Count < 120)
        {
            var (url, from) = queue.Dequeue();
            var response = await page.GotoAsync(url);
            var status = response?.Status ?? 0;
            if (status == 403 || status >= 500)
            {
                problems.Add($"{url} (linked from {from}) answered {status}");
                continue;
            }

            visitedPaths.Add(new Uri(page.Url).AbsolutePath);
            if (IsAdmin(page.Url) || new Uri(page.Url).AbsolutePath == "/login"
                || !(response?.Headers.TryGetValue("content-type", out var type) == true && type.StartsWith("text/html", StringComparison.Ordinal)))
            {
                continue;
            }

            await CheckPageAsync(page, url, phone, problems);

            // The objection form, sent empty once: it must come back as the form with the error by its field.
            var objection = page.Locator("form[action^='/notice-objections/']");
            if (!objectionTried && await objection.CountAsync() > 0)
            {
                objectionTried = true;
                var sent = await page.RunAndWaitForResponseAsync(
                    () => objection.Locator("button[type=submit]").ClickAsync(),
                    r => r.Request.Method == "POST" && r.Url.Contains("/notice-objections/", StringComparison.Ordinal));
                var sentStatus = sent.Status;
                if (sentStatus == 403 || sentStatus >= 500)
                {
                    problems.Add($"the objection form on {url} answered {sentStatus}");
                }
                else
                {
                    // The answer's own element, not a load event: see SignInAsync.
                    try
                    {
                        await page.Locator("#objection-text-error").WaitForAsync(new() { State = WaitForSelectorState.Visible });
                    }
                    catch (TimeoutException)
                    {
                        Assert.Fail("the empty objection shows no error by its field");
                    }

                    await CheckPageAsync(page, url + " (objection sent empty)", phone, problems);
                }

                await page.GotoAsync(url);
            }

            var links = await page.EvalOnSelectorAllAsync<string[]>(
                "header a[href], main a[href], footer a[href]",
                "els => els.filter(e => e.checkVisibility() && !e.hasAttribute('download') && !LaterRow(e)).map(e => e.getAttribute('href'))"
                    .Replace("LaterRow(e)", LaterRow, StringComparison.Ordinal));
            foreach (var link in links)
            {
                if (!link.StartsWith('/') || link.StartsWith("//", StringComparison.Ordinal) || link.StartsWith("/culture", StringComparison.Ordinal)
                    || IsAdmin(link) || link.StartsWith("/login", StringComparison.Ordinal) || link.StartsWith("/media/", StringComparison.Ordinal)
                    || link.StartsWith("/#", StringComparison.Ordinal))
                {
                    continue;
                }

                if (seen.Add(PublicPattern(link)))
                {
                    if (IsFile(link) || link.EndsWith("/rss", StringComparison.Ordinal) || link.EndsWith(".xml", StringComparison.Ordinal))
                    {
                        var probe = await context.APIRequest.GetAsync(link, new() { MaxRedirects = 0 });
                        if (probe.Status == 403 || probe.Status >= 500)
                        {
                            problems.Add($"{link} (linked from {url}) answered {probe.Status}");
                        }
                    }
                    else
                    {
                        queue.Enqueue((link, url));
                    }
                }
            }
        }

        // The walk reached the public lists, an item of each, and the objection form on a notice.
        Assert.Contains("/examples", visitedPaths);
        Assert.Contains("/news", visitedPaths);
        Assert.Contains("/notices", visitedPaths);
        Assert.Contains("/search", visitedPaths);
        Assert.True(objectionTried, "the walk found no notice with the objection form");
        Assert.True(visitedPaths.Count > menu.Length + 3, "the anonymous walk visited only the menu: " + string.Join(", ", visitedPaths));
        Assert.True(problems.Count == 0, $"anonymous at {(phone ? "390" : "1366")} px:\n" + string.Join("\n", problems.Distinct()));
    }

    /// <summary>
    /// A public route pattern: as <see cref="Pattern"/>, and an item's slug (a segment below the first that is not a
    /// fixed word) counts as its id, so /news/some-title and /news/other-title are one pattern.
    /// </summary>
    internal static string PublicPattern(string url)
    {
        var pattern = Pattern(url);
        var q = pattern.IndexOf('?', StringComparison.Ordinal);
        var path = q < 0 ? pattern : pattern[..q];
        var segments = path.Split('/');
        for (var i = 2; i < segments.Length; i++)
        {
            if (segments[i] is not ("rss" or "new" or "received" or "objections" or "exemplary") && segments[i].Length > 0)
            {
                segments[i] = "{slug}";
            }
        }

        return string.Join("/", segments) + (q < 0 ? "" : pattern[q..]);
    }

    /// <summary>
    /// True for an element in the third or later row of a table body, or the fourth or later item of a long list:
    /// rows repeat the same actions for other records, so the first rows stand for them (the walk's time budget).
    /// </summary>
    private const string LaterRow =
        "((e.closest('tbody > tr') && [...e.closest('tbody > tr').parentElement.children].indexOf(e.closest('tbody > tr')) > 1)"
        + " || (e.closest('ul > li, ol > li') && e.closest('ul, ol').children.length > 6"
        + " && [...e.closest('ul, ol').children].indexOf(e.closest('ul > li, ol > li')) > 2))";

    private static async Task CheckPageAsync(IPage page, string url, bool phone, List<string> problems)
    {
        var emptyAlerts = await page.EvaluateAsync<int>(
            """
            () => [...document.querySelectorAll('.alert, [role=alert], .validation-summary-errors, .validation-summary-valid, .text-danger, .invalid-feedback')]
              .filter(e => e.checkVisibility() && e.getBoundingClientRect().height > 0 && e.innerText.trim() === '').length
            """);
        if (emptyAlerts > 0)
        {
            problems.Add($"{url}: {emptyAlerts} empty alert box(es)");
        }

        var texts = await page.EvaluateAsync<string[]>(
            """
            () => {
              const out = [];
              const skip = el => el.closest('script, style, noscript, code, pre, textarea, [lang]:not(html), [translate=no], .tb-visually-hidden[aria-hidden=true], .visually-hidden[aria-hidden=true], .user-content, .trix-content, [data-user-text]');
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                const el = n.parentElement;
                const t = n.textContent.trim();
                if (!t || !el || skip(el) || !el.checkVisibility()) continue;
                out.push(t);
              }
              for (const el of document.querySelectorAll('[placeholder], [aria-label], [title]')) {
                if (skip(el) || !el.checkVisibility()) continue;
                for (const a of ['placeholder', 'aria-label', 'title']) { const v = el.getAttribute(a); if (v) out.push(v); }
              }
              for (const el of document.querySelectorAll('input[type=submit][value], input[type=button][value]')) {
                if (el.checkVisibility()) out.push(el.value);
              }
              return out;
            }
            """);
        var english = texts.Select(EnglishIn).Where(w => w is not null).Distinct().Take(8).ToList();
        if (english.Count > 0)
        {
            problems.Add($"{url}: English at zh-CN: {string.Join(" | ", english)}");
        }

        if (phone)
        {
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            if (width > 390)
            {
                problems.Add($"{url}: {width}px wide at 390 px (scrolls sideways)");
            }

            // A table that scrolls inside itself hides its right-hand columns (status, actions) off-screen.
            var hidden = await page.EvaluateAsync<string[]>(
                """
                () => [...document.querySelectorAll('main table')]
                  .filter(t => t.checkVisibility() && (t.scrollWidth > t.clientWidth + 1 || t.getBoundingClientRect().right > innerWidth + 1))
                  .map(t => (t.querySelector('thead') || t).innerText.trim().replace(/\s+/g, ' ').slice(0, 60))
                """);
            foreach (var table in hidden)
            {
                problems.Add($"{url}: the table \"{table}\" runs off-screen at 390 px");
            }
        }
    }

    /// <summary>The text when it holds a Latin word that is UI text (not a name, number, address or allowed word).</summary>
    internal static string? EnglishIn(string text)
    {
        foreach (Match token in Token().Matches(text))
        {
            var word = token.Value;
            if (word.Length < 2 || word.Any(char.IsDigit) || word.Contains('@') || word.Contains('.') || word.Contains('/')
                || word.Contains('_') || AllowedWords.Contains(word.Trim('-')))
            {
                continue;
            }

            // A word in capitals is an abbreviation or a code (K12, CET); mixed case words are UI text.
            if (word.All(c => !char.IsLetter(c) || char.IsUpper(c)))
            {
                continue;
            }

            return text.Length > 80 ? text[..80] + "…" : text;
        }

        return null;
    }

    private static bool IsAdmin(string url)
    {
        var path = url.StartsWith("http", StringComparison.Ordinal) ? new Uri(url).AbsolutePath : url;
        return path == "/admin" || path.StartsWith("/admin/", StringComparison.Ordinal) || path.StartsWith("/admin?", StringComparison.Ordinal);
    }

    private static bool IsFile(string url)
        => url.Contains("export", StringComparison.OrdinalIgnoreCase) || url.Contains("download", StringComparison.OrdinalIgnoreCase)
           || url.Contains(".xlsx", StringComparison.Ordinal) || url.Contains(".csv", StringComparison.Ordinal)
           || url.Contains("format=", StringComparison.Ordinal);

    /// <summary>A route pattern: numbers, GUID-like and long ids become {id}; the query's names are kept, their values not.</summary>
    internal static string Pattern(string url)
    {
        var q = url.IndexOf('?', StringComparison.Ordinal);
        var path = q < 0 ? url : url[..q];
        var segments = path.Split('/').Select(s => IdSegment().IsMatch(s) ? "{id}" : s);
        var query = q < 0 ? "" : "?" + string.Join("&", url[(q + 1)..].Split('&').Select(p => p.Split('=')[0]).Where(n => n is not "page" and not "returnUrl").Order());
        return string.Join("/", segments) + (query == "?" ? "" : query);
    }

    private static async Task SignInAsync(IPage page, string user)
    {
        await page.GotoAsync("/login");
        await page.GetByLabel("用户名或电子邮箱").FillAsync(user);
        await page.GetByLabel("密码").FillAsync(SiteFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        // The document parsed, asked of the page itself rather than through Playwright's load events: on the loaded CI
        // machine a wait for the load event after a form's POST navigation has three times run out its 90 s with the
        // page there and only "networkidle" reported (sign-in twice, the objection form once), never after a GET.
        await page.WaitForURLAsync("**/admin**", new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForFunctionAsync("() => location.pathname.startsWith('/admin') && document.readyState !== 'loading'");
    }

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9@._/'’\-]*")]
    private static partial Regex Token();

    [GeneratedRegex(@"^(\d+|[0-9a-fA-F-]{16,}|[0-9A-Za-z]{20,}|\d{4}-\d{2}(-\d{2})?|J\d+|[A-Z]\d+)$")]
    private static partial Regex IdSegment();
}

/// <summary>A demo site and browser for the role walk alone (a collection fixture is one instance per collection).</summary>
[CollectionDefinition(Name)]
public sealed class RoleWalkCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "RoleWalk";
}
