using LiaisonSite.Core.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LiaisonSite.Core.Data;

/// <summary>
/// Keeps the query planner's statistics current. SQLite has none until ANALYZE runs, and without them it guessed
/// wrong on large tables — a content list's count by title walked the table through an index on ids instead of the
/// latest-versions index that holds the titles (0.38 s against 0.13 s on 270,000 items). SQLite's own advice for
/// long-lived connections is <c>PRAGMA optimize</c> at start and then periodically; the bound on rows examined keeps
/// it under a second on a large site. PostgreSQL's autovacuum keeps its statistics itself: nothing to do there.
/// </summary>
public static class DatabaseStatistics
{
    public static async Task RefreshAsync(LiaisonDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002;", cancellationToken);
        }
    }
}

/// <summary>Refreshes the planner's statistics at start and every six hours (<see cref="DatabaseStatistics"/>).</summary>
internal sealed class DatabaseStatisticsJob(LiaisonDbContext db, IStringLocalizer<DatabaseStatisticsJob> S) : IBackgroundJob
{
    public string Name => "Database.Statistics";

    public string DisplayName => S["Refresh the database's query statistics"];

    public JobSchedule Schedule { get; } = JobSchedule.Every(TimeSpan.FromHours(6));

    public Task RunAsync(CancellationToken cancellationToken) => DatabaseStatistics.RefreshAsync(db, cancellationToken);
}
