using System.Net;
using Liaison.Appraisals.Data;
using Liaison.Appraisals.Voting;
using LiaisonSite.Core.Data;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Appraisals;

/// <summary>
/// PostgreSQL appends rows to its heap in the order they come: while a campaign is open the Appraisals.BallotOrder job
/// rewrites the ballots in the order of their random key, so the table as a dump reads it (no ORDER BY) is not in
/// voting order.
/// </summary>
public sealed class BallotOrderPostgresTests
{
    [Fact]
    public async Task OnPostgres_TheBallotOrderJob_LeavesTheBallotsInRandomKeyOrder()
    {
        PostgresSiteFactory.SkipWhenUnavailable();
        await using var site = new PostgresSiteFactory();
        var ct = TestContext.Current.CancellationToken;

        string[] voters = ["J007", "J008", "J009", "J010", "J011", "J012", "J013", "J017", "J018", "J019"];
        var (campaign, tokens) = await site.CampaignAsync("branch-2", ["D207"], voters, TimeSpan.FromDays(-1), TimeSpan.FromDays(3));
        var member = await site.MemberIdAsync("D207");
        for (var i = 0; i < tokens.Count; i++)
        {
            var response = await AppraisalsSite.VoteAsync(site.CreateBrowserClient(), tokens[i], [member], (int)Rating.Competent, $"第{i + 1}张");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        await using var scope = site.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<BallotOrder>().RewriteAsync(cancellationToken: ct), "an open campaign has its ballots rewritten");

        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        var stored = await db.Database.SqlQueryRaw<StoredBallot>("""SELECT "Id", "CampaignId", "Comment" FROM "AppraisalBallots" """).ToListAsync(ct);
        var byKey = await db.Database.SqlQueryRaw<Guid>("""SELECT "Id" AS "Value" FROM "AppraisalBallots" ORDER BY "Id" """).ToListAsync(ct);

        // The heap (read without ORDER BY, as pg_dump reads it) is in key order ...
        Assert.Equal(byKey, stored.Select(r => r.Id));

        // ... which is random: this campaign's ballots are not in the order they were cast (1 chance in 3,628,800).
        var mine = stored.Where(r => r.CampaignId == campaign.Id).Select(r => r.Comment).ToList();
        Assert.Equal(10, mine.Count);
        Assert.NotEqual(Enumerable.Range(1, 10).Select(i => $"第{i}张"), mine);

        // With no campaign open or just closed, the job leaves the table alone.
        await db.Set<AppraisalCampaign>().ExecuteUpdateAsync(s => s.SetProperty(c => c.ClosesUtc, DateTime.UtcNow - BallotOrder.AfterClosing - TimeSpan.FromMinutes(1)), ct);
        Assert.False(await scope.ServiceProvider.GetRequiredService<BallotOrder>().RewriteAsync(cancellationToken: ct));
    }

    private sealed record StoredBallot(Guid Id, int CampaignId, string? Comment);
}
