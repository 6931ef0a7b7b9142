using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using LiaisonSite.Core.Data;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Security;

/// <summary>
/// A hash of every row of every table of a SQLite site, to prove that requests changed nothing. Background jobs keep
/// their schedule and history in Quartz's own file (jobs.db), so nothing here changes on its own.
/// </summary>
internal sealed class DatabaseFingerprint(Dictionary<string, string> tables)
{
    public static async Task<DatabaseFingerprint> TakeAsync(SiteFactory site)
    {
        await site.SettleEventsAsync();
        await using var scope = site.Services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        var names = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        var tables = new Dictionary<string, string>();
        foreach (var name in names)
        {
            tables[name] = await HashAsync(connection, name);
        }

        return new DatabaseFingerprint(tables);
    }

    /// <summary>The tables whose rows differ from <paramref name="before"/>.</summary>
    public IEnumerable<string> ChangesSince(DatabaseFingerprint before)
        => tables.Keys.Union(before.Tables.Keys).Where(t => tables.GetValueOrDefault(t) != before.Tables.GetValueOrDefault(t)).Order();

    private Dictionary<string, string> Tables => tables;

    private static async Task<string> HashAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var row = new StringBuilder();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row.Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('\u001f');
            }

            rows.Add(row.ToString());
        }

        rows.Sort(StringComparer.Ordinal);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', rows))));
    }
}
