using LiaisonSite.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LiaisonSite.Tests.Infrastructure;

public static class SqlitePlans
{
    /// <summary>
    /// SQLite's EXPLAIN QUERY PLAN of a query as EF wrote it (its ".param set" lines become parameters), as the planner
    /// chooses without table statistics. The site's statistics job (PRAGMA optimize at start) may have analysed the
    /// test site's few rows or not, and on a handful of rows a scan is as good as an index: the plan would depend on
    /// whether the job had run. Without statistics the plan shows whether an index can serve the query's shape — the
    /// data-scale bench (bench/data) measures the plans on realistic numbers.
    /// </summary>
    public static async Task<string> ExplainAsync(LiaisonDbContext db, string queryString, CancellationToken cancellationToken)
    {
        // A connection of its own, not pooled: its planner forgets the statistics inside a transaction rolled back.
        var builder = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false };
        await using var connection = new SqliteConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var forget = connection.CreateCommand())
        {
            forget.Transaction = transaction;
            forget.CommandText = "SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat1'";
            if (Convert.ToInt64(await forget.ExecuteScalarAsync(cancellationToken)) > 0)
            {
                forget.CommandText = "DELETE FROM sqlite_stat1; ANALYZE sqlite_schema;";
                await forget.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new List<string>();
        foreach (var line in queryString.Split('\n'))
        {
            if (line.StartsWith(".param set ", StringComparison.Ordinal))
            {
                var parts = line[".param set ".Length..].Split(' ', 2);
                var parameter = command.CreateParameter();
                parameter.ParameterName = parts[0];
                parameter.Value = parts[1].Trim().Trim('\'');
                command.Parameters.Add(parameter);
            }
            else
            {
                sql.Add(line);
            }
        }

        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', sql).Trim();
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(reader.GetString(3));
        }

        await reader.DisposeAsync();
        await transaction.RollbackAsync(cancellationToken);
        return string.Join(" | ", rows);
    }
}
