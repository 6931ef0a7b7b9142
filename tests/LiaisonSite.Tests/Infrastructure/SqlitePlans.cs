using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LiaisonSite.Tests.Infrastructure;

public static class SqlitePlans
{
    /// <summary>SQLite's EXPLAIN QUERY PLAN of a query as EF wrote it (its ".param set" lines become parameters).</summary>
    public static async Task<string> ExplainAsync(LiaisonDbContext db, string queryString, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
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

        return string.Join(" | ", rows);
    }
}
