using System.Net;
using Liaison.Pairing.Data;
using LiaisonSite.Tests.Infrastructure;
using LiaisonSite.Tests.Modules.Users;

namespace LiaisonSite.Tests.Modules.Pairing;

/// <summary>The pairing pages over HTTP; each test uses its own term so that they do not depend on each other.</summary>
public sealed class PairingAdminTests(SiteFactory site) : IClassFixture<SiteFactory>, IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await PairingRoster.EnsureAsync(site.Services, Cancel);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Secretary_GeneratesMovesConfirmsAndReruns_KeepingConfirmedPairsAndHistory()
    {
        const string term = "2031-2032-1";
        var client = await site.SignInAsync("secretary1");
        var (members, persons) = await PairingRoster.ActiveAsync(site.Services, "branch-1", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, "generate", term)).StatusCode);
        var proposed = await PairingRoster.PairsAsync(site.Services, "branch-1", term, Cancel);
        Assert.All(proposed, p => Assert.Equal(PairStatus.Proposed, p.Status));
        Assert.Equal(persons.Order(), proposed.Select(p => p.PersonId).Order());
        var loads = members.Select(m => proposed.Count(p => p.MemberId == m)).ToList();
        Assert.True(loads.Max() - loads.Min() <= 1, $"Loads {string.Join(",", loads)} are not balanced.");

        var page = await client.GetStringAsync($"/admin/pairing?branch=branch-1&term={term}", Cancel);
        Assert.Contains("生成配对方案", page);
        Assert.Contains("2031—2032学年第一学期", page);

        // Other tests of this class may have added exclusions (they are branch-wide); move around them.
        var excluded = await PairingRoster.ExclusionsAsync(site.Services, Cancel);
        var (moved, target) = proposed.SelectMany(p => members.Where(m => m != p.MemberId && !excluded.Contains((m, p.PersonId))).Select(m => (p, m))).First();
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, "move", term, new() { ["pairId"] = $"{moved.Id}", ["memberId"] = $"{target}" })).StatusCode);
        Assert.Equal(target, (await PairingRoster.PairsAsync(site.Services, "branch-1", term, Cancel)).Single(p => p.Id == moved.Id).MemberId);

        await PostAsync(client, "confirm", term);
        var confirmed = await PairingRoster.PairsAsync(site.Services, "branch-1", term, Cancel);
        Assert.All(confirmed, p => Assert.Equal((PairStatus.Confirmed, "secretary1"), (p.Status, p.ConfirmedBy)));

        await PostAsync(client, "generate", term);
        var rerun = await PairingRoster.PairsAsync(site.Services, "branch-1", term, Cancel);
        Assert.Equal(confirmed.Select(p => (p.Id, p.MemberId, p.PersonId, p.Status)), rerun.Select(p => (p.Id, p.MemberId, p.PersonId, p.Status)));

        var back = members.First(m => m != target && !excluded.Contains((m, moved.PersonId)));
        await PostAsync(client, "move", term, new() { ["pairId"] = $"{moved.Id}", ["memberId"] = $"{back}" });
        var after = await PairingRoster.PairsAsync(site.Services, "branch-1", term, Cancel);
        var ended = after.Single(p => p.Id == moved.Id);
        Assert.Equal((PairStatus.Ended, "secretary1"), (ended.Status, ended.EndedBy));
        Assert.Contains(after, p => p.PersonId == moved.PersonId && p.MemberId == back && p.Status == PairStatus.Confirmed);

        var history = await client.GetStringAsync($"/admin/pairing/history?branch=branch-1&term={term}", Cancel);
        Assert.Contains("已结束", history);
    }

    [Fact]
    public async Task Secretary_OfAnotherBranch_Gets404_AndNothingIsCreated()
    {
        const string term = "2032-2033-1";
        var client = await site.SignInAsync("secretary1");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/admin/pairing?branch=branch-2&term={term}", Cancel)).StatusCode);
        var token = SiteFactory.AntiforgeryToken(await client.GetStringAsync("/admin/pairing", Cancel));
        var response = await client.PostAsync("/admin/pairing/generate", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["branch"] = "branch-2", ["term"] = term, ["__RequestVerificationToken"] = token,
        }), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await PairingRoster.PairsAsync(site.Services, "branch-2", term, Cancel));
    }

    [Fact]
    public async Task Member_IsForbidden()
    {
        var client = await site.SignInAsync("member1");

        Assert.StartsWith("/access-denied", (await client.GetAsync("/admin/pairing", Cancel)).Headers.Location?.PathAndQuery());
        Assert.StartsWith("/access-denied", (await client.GetAsync("/admin/pairing/history", Cancel)).Headers.Location?.PathAndQuery());
    }

    [Fact]
    public async Task Committee_PicksAnyBranch()
    {
        var client = await site.SignInAsync("committee1");

        var html = await client.GetStringAsync("/admin/pairing?branch=branch-2", Cancel);

        Assert.Contains("value=\"branch-1\"", html);
        Assert.Contains("结对互动", html);
    }

    [Fact]
    public async Task Generate_WithABadTerm_ChangesNothing_AndSaysWhy()
    {
        var client = await site.SignInAsync("secretary1");

        var response = await PostAsync(client, "generate", "2033-2035-1");
        var page = await client.GetStringAsync(response.Headers.Location!.OriginalString, Cancel);

        Assert.Contains("不是有效的学期", page);
        Assert.Empty(await PairingRoster.PairsAsync(site.Services, "branch-1", "2033-2035-1", Cancel));
    }

    [Fact]
    public async Task Exclusion_RemovesTheProposedPair_AndIsHonouredByTheNextRun()
    {
        const string term = "2034-2035-1";
        var client = await site.SignInAsync("secretary1");
        await PostAsync(client, "generate", term);
        var pair = (await PairingRoster.PairsAsync(site.Services, "branch-1", term, Cancel))[0];

        await PostAsync(client, "exclusions", term, new() { ["memberId"] = $"{pair.MemberId}", ["personId"] = $"{pair.PersonId}", ["reason"] = "亲属" });
        await PostAsync(client, "generate", term);

        var pairs = await PairingRoster.PairsAsync(site.Services, "branch-1", term, Cancel);
        Assert.DoesNotContain(pairs, p => p.MemberId == pair.MemberId && p.PersonId == pair.PersonId);
        var repaired = Assert.Single(pairs, p => p.PersonId == pair.PersonId);

        var refused = await PostAsync(client, "move", term, new() { ["pairId"] = $"{repaired.Id}", ["memberId"] = $"{pair.MemberId}" });
        Assert.Contains("已设置为不结对", await client.GetStringAsync(refused.Headers.Location!.OriginalString, Cancel));
        Assert.Equal(repaired.MemberId, (await PairingRoster.PairsAsync(site.Services, "branch-1", term, Cancel)).Single(p => p.Id == repaired.Id).MemberId);
    }

    private Task<HttpResponseMessage> PostAsync(HttpClient client, string action, string term, Dictionary<string, string>? fields = null)
    {
        var body = new Dictionary<string, string>(fields ?? []) { ["branch"] = "branch-1", ["term"] = term };
        return SiteFactory.PostFormAsync(client, "/admin/pairing?branch=branch-1", $"/admin/pairing/{action}", body);
    }
}
