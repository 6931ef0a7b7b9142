using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LiaisonSite.Tests.Data;

/// <summary>The committed migrations of both providers must describe the model exactly.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void Sqlite_Model_HasNoPendingChanges()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/migrations.sh: the SQLite migrations are behind the model.");
    }

    [Fact]
    public void Postgres_Model_HasNoPendingChanges()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/migrations.sh: the PostgreSQL migrations are behind the model.");
    }

    [Fact]
    public void BothProviders_HaveTheSameMigrations()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);

        static IEnumerable<string> Names(LiaisonDbContext db) => db.Database.GetMigrations().Select(m => m[15..]);

        Assert.Equal(Names(sqlite), Names(postgres));
    }
}
