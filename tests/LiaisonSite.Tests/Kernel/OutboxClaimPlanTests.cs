using System.Data.Common;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Events;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LiaisonSite.Tests.Kernel;

/// <summary>
/// Claiming an event finds it by its key, whatever the planner knows of the backlog (issue 12/14 data-scale import on
/// PostgreSQL: with the statistics of a table whose events were all dispatched, the claim walked the undispatched index
/// — every event the import had raised so far — for each event, and the import slowed file after file).
/// </summary>
public sealed class OutboxClaimPlanTests(PlainSiteFactory site) : IClassFixture<PlainSiteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Claim_OnSqlite_SearchesByTheKey()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();

        var sql = db.OutboxEvents.Where(OutboxDispatcher.Claimable(Guid.NewGuid(), DateTime.UtcNow)).Select(e => e.Id).ToQueryString();
        var plan = await SqlitePlans.ExplainAsync(db, sql, Ct);

        Assert.Contains("(Id=?)", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("IX_OutboxEvents_DispatchedUtc", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claim_OnPostgres_WithABacklogTheStatisticsDoNotKnow_UsesThePrimaryKey_AndStillClaims()
    {
        PostgresSiteFactory.SkipWhenUnavailable();
        await using var postgres = new PostgresSiteFactory();
        await using var scope = postgres.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();

        // What a bulk import meets: statistics taken while every event was dispatched (in batches of 200, as the
        // dispatcher marks them), then thousands undispatched (due in a year, so the site's sweeper leaves them alone).
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "OutboxEvents" ("Id", "Type", "Payload", "CreatedUtc", "DispatchedUtc", "Attempts", "NextAttemptUtc")
            SELECT gen_random_uuid(), 'Tests.NobodyListens', '{{}}', now(), now() - i / 200 * interval '1 second', 0, now() FROM generate_series(1, 32000) AS i;
            UPDATE "OutboxEvents" SET "DispatchedUtc" = now() WHERE "DispatchedUtc" IS NULL;
            ANALYZE "OutboxEvents";
            INSERT INTO "OutboxEvents" ("Id", "Type", "Payload", "CreatedUtc", "Attempts", "NextAttemptUtc")
            SELECT gen_random_uuid(), 'Tests.NobodyListens', '{{}}', now(), 0, now() + interval '1 year' FROM generate_series(1, 4000);
            """, Ct);
        var backlog = await db.OutboxEvents.AsNoTracking()
            .Where(e => e.Type == "Tests.NobodyListens" && e.DispatchedUtc == null).Select(e => e.Id).Take(3).ToListAsync(Ct);
        Assert.Equal(3, backlog.Count);

        await using var command = db.OutboxEvents.Where(OutboxDispatcher.Claimable(backlog[0], DateTime.UtcNow)).Select(e => e.Id).CreateDbCommand();
        var plan = await ExplainAsync(db, command);
        Assert.True(plan.Contains("\"PK_OutboxEvents\"", StringComparison.Ordinal), plan);
        Assert.DoesNotContain("IX_OutboxEvents_DispatchedUtc", plan, StringComparison.Ordinal);

        var dispatcher = postgres.Services.GetRequiredService<OutboxDispatcher>();
        Assert.Equal(2, await dispatcher.DispatchBatchAsync([backlog[0], backlog[1]], Ct));
        var dispatched = await db.OutboxEvents.AsNoTracking().Where(e => backlog.Contains(e.Id) && e.DispatchedUtc != null).Select(e => e.Id).ToListAsync(Ct);
        Assert.Equal(new[] { backlog[0], backlog[1] }.Order(), dispatched.Order());
        Assert.DoesNotContain(backlog[2], dispatched);
        // Claimed and delivered once: a second claim of a dispatched event finds nothing.
        Assert.Equal(0, await dispatcher.DispatchBatchAsync([backlog[0]], Ct));
    }

    private static async Task<string> ExplainAsync(LiaisonDbContext db, DbCommand query)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(Ct);
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN " + query.CommandText;
        foreach (NpgsqlParameter parameter in query.Parameters)
        {
            explain.Parameters.Add(parameter.Clone());
        }

        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join(" | ", lines);
    }
}
