using System.Net;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Data;

/// <summary>Two web nodes on one database and one Redis: a sign-in and a publish on one node hold on the other.</summary>
public sealed class MultiNodeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoNodes_ShareSignInAndOutputCacheEviction()
    {
        NodeFactory.SkipWhenUnavailable();
        var folder = Path.Combine(Path.GetTempPath(), "liaison-tests", "nodes-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "shared.db");
        var instance = $"liaison-test-{Guid.NewGuid():N}:";
        await using var nodeA = new NodeFactory("node-a", database, instance);
        await using var nodeB = new NodeFactory("node-b", database, instance);
        _ = nodeA.Services; // node A sets the site up; node B finds it set up

        // A cookie issued by node A is read by node B: the data-protection keys are in the shared database, encrypted
        // with the certificate both nodes hold.
        var authCookie = await SignInForCookieAsync(nodeA, "editor1");
        var onB = nodeB.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
        request.Headers.Add("Cookie", authCookie);
        Assert.Equal(HttpStatusCode.OK, (await onB.SendAsync(request, Ct)).StatusCode);

        // Node B caches the public page; unpublishing on node A evicts it from the shared cache.
        const string path = "/about";
        var anonymousB = nodeB.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymousB.GetAsync(path, Ct)).StatusCode);
        await using (var scope = nodeA.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
            var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
            var about = db.ContentItems.Single(c => c.Published && c.ContentType == "Page");
            await contents.UnpublishAsync(about);
            await db.SaveChangesAsync(Ct);
        }

        // Node B's own fragments of the page are forgotten when Redis brings it the change: within moments, not
        // necessarily before A's save returns (the product's promise is two seconds).
        var started = DateTime.UtcNow;
        await Kernel.EventsSite.WaitUntilAsync(
            async () => (await anonymousB.GetAsync(path, Ct)).StatusCode == HttpStatusCode.NotFound, "node B no longer serves the unpublished page");
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(2), "Node B should hear of the change through Redis at once.");
    }

    /// <summary>Signs in through node A's /login form by hand and returns the authentication cookie it issued.</summary>
    private static async Task<string> SignInForCookieAsync(NodeFactory node, string userName)
    {
        var client = node.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var form = await client.GetAsync("/login", Ct);
        var antiforgeryCookie = string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var post = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = userName,
                ["Password"] = SiteFactory.DemoPassword,
                ["__RequestVerificationToken"] = SiteFactory.AntiforgeryToken(await form.Content.ReadAsStringAsync(Ct)),
            }),
        };
        post.Headers.Add("Cookie", antiforgeryCookie);
        var response = await client.SendAsync(post, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("liaison.auth=", StringComparison.Ordinal));
    }
}
