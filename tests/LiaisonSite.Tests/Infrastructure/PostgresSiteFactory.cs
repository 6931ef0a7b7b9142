using Npgsql;

namespace LiaisonSite.Tests.Infrastructure;

/// <summary>
/// The demo site on PostgreSQL, in a database of its own that is dropped afterwards. Needs LIAISON_TEST_POSTGRES
/// (a connection string without a database; scripts/test.sh starts a local server and sets it).
/// </summary>
public sealed class PostgresSiteFactory : SiteFactory
{
    private readonly string _database = "liaison_test_" + Guid.NewGuid().ToString("N")[..12];

    public static string? ServerConnectionString => Environment.GetEnvironmentVariable("LIAISON_TEST_POSTGRES");

    public string ConnectionString => $"{ServerConnectionString};Database={_database}";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Liaison:Database:Provider"] = "Postgres",
        ["Liaison:Database:ConnectionString"] = ConnectionString,
    };

    /// <summary>Skips the calling test when no PostgreSQL server is configured.</summary>
    public static void SkipWhenUnavailable()
        => Assert.SkipWhen(string.IsNullOrEmpty(ServerConnectionString), "LIAISON_TEST_POSTGRES is not set (scripts/test.sh sets it).");

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (string.IsNullOrEmpty(ServerConnectionString))
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString + ";Database=postgres");
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
        GC.SuppressFinalize(this);
    }
}
