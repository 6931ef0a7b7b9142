using System.Data.Common;
using LiaisonSite.Core.Data;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace LiaisonSite.Tests.Data;

/// <summary>
/// A database from before the one-Latest/one-Published indexes, where a race left an item with two latest and two
/// published versions, is repaired by the migration (the newest version keeps each flag, index rows follow) and then
/// gets the indexes. On SQLite and PostgreSQL.
/// </summary>
public sealed class ContentVersionRepairTests
{
    private const string Before = "AddContentItemIdentities";

    // ExecuteSqlRaw formats the text: braces are doubled.
    private const string Empty = "{{}}";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migration_OnSqlite_RepairsDuplicateFlags_ThenAddsTheIndexes()
    {
        var file = Path.Combine(Path.GetTempPath(), $"liaison-repair-{Guid.NewGuid():N}.db");
        try
        {
            await using var db = new SqliteLiaisonDbContext(
                new DbContextOptionsBuilder<SqliteLiaisonDbContext>()
                    .UseSqlite($"Data Source={file};Pooling=False", x => x.MigrationsAssembly(typeof(Program).Assembly.GetName().Name))
                    .Options,
                SiteModules.Catalog);
            await RepairAsync(db, yes: "1", no: "0");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Migration_OnPostgres_RepairsDuplicateFlags_ThenAddsTheIndexes()
    {
        PostgresSiteFactory.SkipWhenUnavailable();
        var database = "liaison_repair_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            await using var db = new PostgresLiaisonDbContext(
                new DbContextOptionsBuilder<PostgresLiaisonDbContext>()
                    .UseNpgsql($"{PostgresSiteFactory.ServerConnectionString};Database={database}", x => x.MigrationsAssembly(typeof(Program).Assembly.GetName().Name))
                    .Options,
                SiteModules.Catalog);
            await RepairAsync(db, yes: "TRUE", no: "FALSE");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresSiteFactory.ServerConnectionString + ";Database=postgres");
            await connection.OpenAsync(Cancel);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync(Cancel);
        }
    }

    private static async Task RepairAsync(LiaisonDbContext db, string yes, string no)
    {
        var migrator = db.GetService<IMigrator>();
        var before = db.Database.GetMigrations().Single(m => m.EndsWith("_" + Before, StringComparison.Ordinal));
        await migrator.MigrateAsync(before, Cancel);

        // v1 and v2 both published, v2 and v3 both latest: what two racing saves could leave.
        foreach (var (version, latest, published) in new[] { ("v1", no, yes), ("v2", yes, yes), ("v3", yes, no) })
        {
            var insert = $"""
                INSERT INTO "ContentItems" ("ContentItemId", "ContentItemVersionId", "ContentType", "DisplayText", "Latest", "Published", "Owner", "Author", "ConcurrencyStamp", "Content")
                VALUES ('raced', '{version}', 'Page', '{version}', {latest}, {published}, 'admin', 'admin', 'stamp-{version}', '{Empty}');
                INSERT INTO "AutorouteIndex" ("ContentItemId", "ContentType", "Path", "Published", "Latest", "ContentItemVersionId")
                VALUES ('raced', 'Page', 'raced', {published}, {latest}, '{version}');
                """;
            await db.Database.ExecuteSqlRawAsync(insert, Cancel);
        }

        await migrator.MigrateAsync(cancellationToken: Cancel);

        var versions = await db.ContentItems.AsNoTracking().Where(c => c.ContentItemId == "raced").OrderBy(c => c.Id).ToListAsync(Cancel);
        Assert.Equal([false, false, true], versions.Select(v => v.Latest));
        Assert.Equal([false, true, false], versions.Select(v => v.Published));
        Assert.NotEqual("stamp-v1", versions[0].ConcurrencyStamp);
        Assert.Equal("stamp-v3", versions[2].ConcurrencyStamp);
        var rows = await Flags(db, "AutorouteIndex");
        Assert.Equal(["v1:False:False", "v2:False:True", "v3:True:False"], rows);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Cancel));

        // And now the database itself refuses a second latest version.
        var second = $"""
            INSERT INTO "ContentItems" ("ContentItemId", "ContentItemVersionId", "ContentType", "DisplayText", "Latest", "Published", "Owner", "Author", "ConcurrencyStamp", "Content")
            VALUES ('raced', 'v4', 'Page', 'v4', {yes}, {no}, 'admin', 'admin', 'stamp-v4', '{Empty}')
            """;
        await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync(second, Cancel));
    }

    private static async Task<List<string>> Flags(LiaisonDbContext db, string table)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""SELECT "ContentItemVersionId", "Latest", "Published" FROM "{table}" WHERE "ContentItemId" = 'raced' ORDER BY "ContentItemVersionId" """;
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(Cancel);
        }

        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        while (await reader.ReadAsync(Cancel))
        {
            rows.Add($"{reader.GetString(0)}:{reader.GetBoolean(1)}:{reader.GetBoolean(2)}");
        }

        return rows;
    }
}
