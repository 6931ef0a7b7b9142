using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LiaisonSite;

/// <summary>Lets <c>dotnet ef migrations add</c> build each provider's model without a running site.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteLiaisonDbContext>
{
    public SqliteLiaisonDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SqliteLiaisonDbContext>()
            .UseSqlite("Data Source=design.db", x => x.MigrationsAssembly(typeof(Program).Assembly.GetName().Name))
            .Options,
        SiteModules.Catalog);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresLiaisonDbContext>
{
    public PostgresLiaisonDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<PostgresLiaisonDbContext>()
            .UseNpgsql("Host=localhost;Database=liaison_design", x => x.MigrationsAssembly(typeof(Program).Assembly.GetName().Name))
            .Options,
        SiteModules.Catalog);
}
