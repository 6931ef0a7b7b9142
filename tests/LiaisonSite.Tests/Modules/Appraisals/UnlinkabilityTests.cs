using System.Data.Common;
using System.Net;
using Liaison.Appraisals;
using Liaison.Appraisals.Data;
using Liaison.Appraisals.Voting;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Appraisals;

/// <summary>
/// Secrecy (issue 13): every table the module writes is read from the database's own schema (SQLite's
/// pragma_table_info and pragma_foreign_key_list), and no chain of columns leads from a ballot row to one voter or
/// to a token; a ballot cast through the site stores nothing of its voter; the rows are kept in the order of their
/// random key, not in voting order.
/// </summary>
[Collection(AppraisalsCollection.Name)]
public sealed class UnlinkabilityTests(AppraisalsSite site)
{
    private static CancellationToken Ct => AppraisalsSite.Ct;

    private sealed record ForeignKey(string Table, string Column, string Target, string TargetColumn);

    private async Task<(Dictionary<string, List<(string Name, string Type)>> Columns, List<ForeignKey> Keys, List<string> ModuleTables)> SchemaAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();

        // The tables the module writes: every entity of its assembly in the EF model (a new one joins this test).
        var moduleTables = db.Model.GetEntityTypes().Where(e => e.ClrType.Assembly == typeof(AppraisalsModule).Assembly)
            .Select(e => e.GetTableName()!).Distinct().Order().ToList();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        var tables = new List<string>();
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await cmd.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var columns = new Dictionary<string, List<(string, string)>>();
        var keys = new List<ForeignKey>();
        foreach (var table in tables)
        {
            columns[table] = await RowsAsync(connection, $"SELECT name, type FROM pragma_table_info('{table}')", r => (r.GetString(0), r.GetString(1)));
            keys.AddRange(await RowsAsync(connection, $"SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list('{table}')",
                r => new ForeignKey(table, r.GetString(0), r.GetString(1), r.IsDBNull(2) ? "" : r.GetString(2))));
        }

        return (columns, keys, moduleTables);
    }

    private static async Task<List<T>> RowsAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read)
    {
        var rows = new List<T>();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    [Fact]
    public async Task NoColumnPath_LeadsFromABallot_ToAVoterOrAToken()
    {
        var (columns, keys, moduleTables) = await SchemaAsync();

        Assert.Equal(["AppraisalBallots", "AppraisalCampaigns", "AppraisalVoters", "AppraisedMembers"], moduleTables);

        // A ballot row: the campaign, the appraised member, the rating, the comment, the day. Nothing else.
        Assert.Equal(["CampaignId", "Comment", "Day", "Id", "MemberId", "Rating"], columns["AppraisalBallots"].Select(c => c.Name).Order(StringComparer.Ordinal));

        // Its keys lead only to the campaign and to the appraised member; nothing refers to a ballot.
        Assert.Equal(["AppraisalCampaigns", "PartyMembers"], keys.Where(k => k.Table == "AppraisalBallots").Select(k => k.Target).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(keys, k => k.Target == "AppraisalBallots");

        // Every row reachable from a ballot by following foreign keys (either way, but never back through the one-to-many
        // key from voters to their campaign, which reaches all voters alike): none is a voter row.
        var reachable = new HashSet<string> { "AppraisalBallots" };
        var frontier = new Queue<string>(reachable);
        while (frontier.TryDequeue(out var table))
        {
            foreach (var k in keys.Where(k => k.Table == table))
            {
                if (reachable.Add(k.Target))
                {
                    frontier.Enqueue(k.Target);
                }
            }
        }

        Assert.DoesNotContain("AppraisalVoters", reachable);
        Assert.DoesNotContain(keys, k => reachable.Contains(k.Table) && k.Target == "AppraisalVoters");

        // The voter table: who, their campaign, the token's hash, used or not, how the link went out. No time of use,
        // no column that names a ballot.
        var voterColumns = columns["AppraisalVoters"].Select(c => c.Name).ToList();
        Assert.Equal(["CampaignId", "Delivery", "Id", "MemberId", "PersonId", "TokenHash", "Used"], voterColumns.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(keys, k => k.Table == "AppraisalVoters" && k.Target is "AppraisalBallots");

        // No table of the module holds a time finer than the day next to a ballot; the only dates are the campaign's.
        foreach (var table in moduleTables.Where(t => t != "AppraisalCampaigns"))
        {
            Assert.DoesNotContain(columns[table], c => c.Name.EndsWith("Utc", StringComparison.Ordinal) || c.Name.Contains("Time", StringComparison.Ordinal));
        }

        // And no table of the whole database names a ballot or a vote token outside the module.
        Assert.DoesNotContain(keys, k => !moduleTables.Contains(k.Table) && moduleTables.Contains(k.Target) && k.Target != "AppraisalCampaigns");
    }

    [Fact]
    public async Task ABallotCastThroughTheSite_StoresNothingOfItsVoter()
    {
        var (campaign, tokens) = await site.CampaignAsync("branch-2", ["D205", "D206"], ["J005", "J006"], TimeSpan.FromDays(-1), TimeSpan.FromDays(3));
        var members = new List<int> { await site.MemberIdAsync("D205"), await site.MemberIdAsync("D206") };
        var voter = await site.WithDbAsync(db => db.Set<AppraisalVoter>().AsNoTracking().SingleAsync(v => v.CampaignId == campaign.Id && v.TokenHash == VoteTokens.Hash(tokens[0]), Ct));

        var response = await AppraisalsSite.VoteAsync(site.CreateBrowserClient(), tokens[0], members, (int)Rating.Competent, "很有责任心");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var raw = await site.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(Ct);
            return await RowsAsync(connection, $"SELECT Id, CampaignId, MemberId, Rating, Comment, Day FROM AppraisalBallots WHERE CampaignId = {campaign.Id}",
                r => Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!).ToArray());
        });

        Assert.Equal(2, raw.Count);
        foreach (var row in raw)
        {
            Assert.True(Guid.TryParse(row[0], out var id) && id.Version == 4, $"ballot key {row[0]} is not a random (v4) GUID");
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", row[5]);
            Assert.DoesNotContain(row, v => v == tokens[0] || v == voter.TokenHash);
            Assert.Equal(campaign.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), row[1]);
            Assert.Contains(row[2], members.Select(m => m.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal("很有责任心", row[4]);
        }

        var used = await site.WithDbAsync(db => db.Set<AppraisalVoter>().AsNoTracking().SingleAsync(v => v.Id == voter.Id, Ct));
        Assert.True(used.Used);
        Assert.Equal(voter.TokenHash, used.TokenHash); // the voter row only learned "used"
        Assert.NotEqual(tokens[0], used.TokenHash);
    }

    [Fact]
    public async Task TheBallots_AreStoredInTheOrderOfTheirRandomKey_NotInVotingOrder()
    {
        // No rowid counts the inserts: the table lives in the B-tree of its random key.
        var schema = await site.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(Ct);
            return (await RowsAsync(connection, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'AppraisalBallots'", r => r.GetString(0))).Single();
        });
        Assert.EndsWith("WITHOUT ROWID", schema.TrimEnd());
        var noRowid = await Assert.ThrowsAnyAsync<DbException>(() => site.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(Ct);
            return await RowsAsync(connection, "SELECT rowid FROM AppraisalBallots", r => r.GetInt64(0));
        }));
        Assert.Contains("rowid", noRowid.Message, StringComparison.OrdinalIgnoreCase);

        // Ten ballots, one after the other, each with its place in the voting order as its comment.
        string[] voters = ["J007", "J008", "J009", "J010", "J011", "J012", "J013", "J017", "J018", "J019"];
        var (campaign, tokens) = await site.CampaignAsync("branch-2", ["D207"], voters, TimeSpan.FromDays(-1), TimeSpan.FromDays(3));
        var member = await site.MemberIdAsync("D207");
        for (var i = 0; i < tokens.Count; i++)
        {
            var response = await AppraisalsSite.VoteAsync(site.CreateBrowserClient(), tokens[i], [member], (int)Rating.Competent, $"第{i + 1}张");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        // Read as a copy of the file would give them: the whole table, no ORDER BY.
        var (stored, byKey) = await site.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(Ct);
            var all = await RowsAsync(connection, "SELECT Id, CampaignId, Comment FROM AppraisalBallots", r => (Id: r.GetString(0), Campaign: r.GetInt32(1), Comment: r.IsDBNull(2) ? "" : r.GetString(2)));
            var keys = await RowsAsync(connection, "SELECT Id FROM AppraisalBallots ORDER BY Id", r => r.GetString(0));
            return (all, keys);
        });

        // Stored in key order (the whole table, so every campaign's ballots) ...
        Assert.Equal(byKey, stored.Select(r => r.Id));

        // ... which is random, so this campaign's ballots are not in the order they were cast (all 10! orders are
        // equally likely; the voting order is one of 3,628,800).
        var mine = stored.Where(r => r.Campaign == campaign.Id).Select(r => r.Comment).ToList();
        Assert.Equal(10, mine.Count);
        Assert.NotEqual(Enumerable.Range(1, 10).Select(i => $"第{i}张"), mine);
    }
}
