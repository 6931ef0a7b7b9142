using LiaisonSite.Core.Modules;
using Microsoft.EntityFrameworkCore;

namespace LiaisonSite.Core.Data;

/// <summary>The context on SQLite; its migrations are in the host's Migrations/Sqlite.</summary>
public sealed class SqliteLiaisonDbContext(DbContextOptions<SqliteLiaisonDbContext> options, ModuleCatalog catalog)
    : LiaisonDbContext(options, catalog);

/// <summary>The context on PostgreSQL; its migrations are in the host's Migrations/Postgres.</summary>
public sealed class PostgresLiaisonDbContext(DbContextOptions<PostgresLiaisonDbContext> options, ModuleCatalog catalog)
    : LiaisonDbContext(options, catalog);
