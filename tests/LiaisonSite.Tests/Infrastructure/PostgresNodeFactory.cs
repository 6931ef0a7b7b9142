using Npgsql;

namespace LiaisonSite.Tests.Infrastructure;

/// <summary>
/// One web node of a multi-node site on PostgreSQL: its own app-data folder, the database shared with the other nodes
/// (<see cref="DatabaseName"/> makes one name per test; <see cref="DropAsync"/> removes it). Needs LIAISON_TEST_POSTGRES.
/// </summary>
public sealed class PostgresNodeFactory(string name, string database, IDictionary<string, string?>? extra = null) : SiteFactory
{
    public static string DatabaseName() => "liaison_nodes_" + Guid.NewGuid().ToString("N")[..12];

    public string ConnectionString => $"{PostgresSiteFactory.ServerConnectionString};Database={database}";

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?>
            {
                ["Liaison:Database:Provider"] = "Postgres",
                ["Liaison:Database:ConnectionString"] = ConnectionString,
                ["Liaison:NodeName"] = name,
            };
            foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
            {
                settings[key] = value;
            }

            return settings;
        }
    }

    public static async Task DropAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(PostgresSiteFactory.ServerConnectionString + ";Database=postgres");
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
