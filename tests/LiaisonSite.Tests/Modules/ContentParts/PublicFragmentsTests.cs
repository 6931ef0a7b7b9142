using System.Net;
using Liaison.ContentParts.Autoroute;
using LiaisonSite.Core.Data;
using LiaisonSite.Tests.Infrastructure;
using LiaisonSite.Tests.Kernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.ContentParts;

/// <summary>The demo site with the output cache off, so that what a test sees twice comes from the fragments or from nowhere.</summary>
public sealed class NoOutputCacheSiteFactory : SiteFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Liaison:OutputCache:Enabled"] = "false",
    };
}

/// <summary>
/// An item's article is kept as a fragment for anonymous visitors (Liaison:FragmentCache) and forgotten by a publish on
/// this node or a change announced by another; never kept when it holds a form, never served to signed-in users. Own
/// site: these tests change items behind the content manager's back, each its own item.
/// </summary>
public sealed class PublicFragmentsTests(NoOutputCacheSiteFactory site) : IClassFixture<NoOutputCacheSiteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Article_ForAnonymousVisitors_IsKept_UntilAPublishForgetsIt_AndSignedInUsersGetItFresh()
    {
        const string path = "/typical-examples/lab-safety-pioneer";
        var anonymous = site.CreateClient();
        var id = await ItemAtAsync(path);
        var direct = await KeptAfterADirectChangeAsync(anonymous, path, id, "直接改库的实验室标题");

        // A signed-in user's page is rendered for them (what an item links to depends on who may see it).
        var editor = await site.SignInAsync("editor1");
        Assert.Contains($"<h1>{direct}</h1>", await editor.GetStringAsync(path, Ct));

        // The layout is still the visitor's own: the language switch names this address with its query.
        var withQuery = await anonymous.GetStringAsync(path + "?from=timeline", Ct);
        Assert.Contains("returnUrl=%2Ftypical-examples%2Flab-safety-pioneer%3Ffrom%3Dtimeline", withQuery);

        await ItemTitles.PublishAsync(site, id, "实验室安全的带头人（修订）");
        var fresh = await anonymous.GetStringAsync(path, Ct);
        Assert.Contains("<h1>实验室安全的带头人（修订）</h1>", fresh);
    }

    [Fact]
    public async Task Article_AfterAChangeOnAnotherNode_IsForgottenWithinThePoll()
    {
        const string path = "/typical-examples/pairing-in-maths";
        var anonymous = site.CreateClient();
        var id = await ItemAtAsync(path);
        var direct = await KeptAfterADirectChangeAsync(anonymous, path, id, "另一节点改的数学结对");

        // What another node does after its commit: count the change on the PublicContent row (no Redis here).
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
            var changed = await db.Documents.Where(d => d.Key == DocumentChangeSignal.PublicContentKey)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Version, d => d.Version + 1), Ct);
            if (changed == 0)
            {
                db.Documents.Add(new DocumentRecord { Key = DocumentChangeSignal.PublicContentKey, Version = 1 });
                await db.SaveChangesAsync(Ct);
            }
        }

        var started = DateTime.UtcNow;
        await EventsSite.WaitUntilAsync(
            async () => (await anonymous.GetStringAsync(path, Ct)).Contains($"<h1>{direct}</h1>"), "the poll forgets the article");
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5), "The poll runs every second without Redis.");
    }

    [Fact]
    public async Task Article_WithAForm_IsRenderedForEachVisitor_WithTheirOwnAntiforgeryCookie()
    {
        // An open notice carries the objection form: its tokens belong to one visitor, so its article is never kept.
        const string path = "/notices/branch1-new-member-2026";
        for (var i = 0; i < 2; i++)
        {
            var visitor = site.CreateClient(new() { HandleCookies = false });
            var response = await visitor.GetAsync(path, Ct);
            var html = await response.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("__RequestVerificationToken", html);
            Assert.True(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.Contains("Antiforgery", StringComparison.OrdinalIgnoreCase)),
                $"Visitor {i + 1} should get their own antiforgery cookie with the form.");
        }
    }

    [Fact]
    public async Task AnAddressThatLeadsNowhere_IsNotKept()
    {
        var anonymous = site.CreateClient();
        var fragments = site.Services.GetRequiredService<LiaisonSite.Core.Hosting.PublicFragments>();
        var count = fragments.Count;
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/no-such-story-{Guid.NewGuid():N}", Ct)).StatusCode);
        }

        // Other tests of this site may keep a fragment meanwhile, but not twenty.
        Assert.True(fragments.Count < count + 5, $"{fragments.Count - count} fragments were kept for addresses that lead nowhere.");
    }

    /// <summary>
    /// Serves the article, changes its title in the database behind the content manager's back, and shows that the
    /// kept article is served still; returns the title now stored. Any publish forgets every fragment (the demo's
    /// workflows publish after setup; this node's poll echoes its own publishes), so a try that saw one is repeated.
    /// </summary>
    private async Task<string> KeptAfterADirectChangeAsync(HttpClient anonymous, string path, string id, string title)
    {
        await site.SettleEventsAsync();
        var pages = site.Services.GetRequiredService<LiaisonSite.Core.Hosting.PublicPageCache>();
        for (var attempt = 1; ; attempt++)
        {
            var generation = pages.Generation;
            var before = Heading(await anonymous.GetStringAsync(path, Ct));
            var stored = $"{title}{attempt}";
            await ItemTitles.ChangeBehindTheCachesAsync(site, id, stored);
            var kept = Heading(await anonymous.GetStringAsync(path, Ct));
            if (pages.Generation == generation)
            {
                Assert.Equal(before, kept);
                Assert.NotEqual(stored, kept);
                return stored;
            }

            Assert.True(attempt < 5, "The public content kept changing while the test ran.");
            await Task.Delay(1500, Ct);
        }
    }

    private static string Heading(string html)
    {
        var start = html.IndexOf("<h1>", StringComparison.Ordinal) + 4;
        return html[start..html.IndexOf("</h1>", start, StringComparison.Ordinal)];
    }

    private async Task<string> ItemAtAsync(string path)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        return await db.Set<AutorouteIndex>().Where(r => r.Published && r.Path == path.TrimStart('/')).Select(r => r.ContentItemId).SingleAsync(Ct);
    }
}
