using Liaison.Appraisals.Data;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Jobs;
using LiaisonSite.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Appraisals.Voting;

/// <summary>
/// Keeps the ballot rows out of voting order. The key of a row is random (a version-4 GUID), so a table stored in key
/// order says nothing about when a row arrived. SQLite stores <c>AppraisalBallots</c> as a <c>WITHOUT ROWID</c> table
/// (migration <c>StoreBallotsByRandomKey</c>): the rows live in the key's B-tree, there is no rowid counting the
/// inserts, and a plain <c>SELECT</c> or a copy of the file gives them in key order at once. PostgreSQL appends rows to
/// its heap in the order they come, so while a campaign is open (and just after it closes) this rewrites the table in
/// key order with <c>CLUSTER</c>, which also leaves no dead row versions behind; a dump or a copy of the data directory
/// then holds the ballots in random order.
/// </summary>
/// <remarks>
/// What this protects against is reading the stored data afterwards (a backup, a dump, the database file). Someone who
/// watches the live database while people vote, next to the web server's access log, can tell ballots apart by when
/// the counts change; no storage order prevents that, and the access log is the operator's to keep short.
/// </remarks>
public sealed class BallotOrder(LiaisonDbContext db, ISchoolClock clock)
{
    /// <summary>How long after closing the table is still rewritten (ballots cast in the last minutes).</summary>
    public static readonly TimeSpan AfterClosing = TimeSpan.FromMinutes(30);

    /// <summary>Rewrites the ballots in key order where the database keeps insertion order; true when it did.</summary>
    public async Task<bool> RewriteAsync(bool force = false, CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsNpgsql())
        {
            return false; // SQLite: a WITHOUT ROWID table is always in key order.
        }

        var now = clock.UtcNow;
        var since = now - AfterClosing;
        if (!force && !await db.Set<AppraisalCampaign>().AnyAsync(c => c.OpensUtc <= now && c.ClosesUtc > since, cancellationToken))
        {
            return false;
        }

        // Takes the table's exclusive lock for the rewrite: a ballot posted meanwhile waits (milliseconds for a
        // school's ballots) and is then stored as usual.
        await db.Database.ExecuteSqlRawAsync("""CLUSTER "AppraisalBallots" USING "PK_AppraisalBallots";""", cancellationToken);
        return true;
    }
}

/// <summary>Every 5 minutes, once across nodes, while a campaign is open: the ballots back into random-key order.</summary>
internal sealed class BallotOrderJob(BallotOrder order, IStringLocalizer<BallotOrderJob> S) : IBackgroundJob
{
    public string Name => "Appraisals.BallotOrder";

    public string DisplayName => S["Keep the ballots of democratic appraisals out of voting order"];

    public JobSchedule Schedule { get; } = JobSchedule.Every(TimeSpan.FromMinutes(5));

    public Task RunAsync(CancellationToken cancellationToken) => order.RewriteAsync(cancellationToken: cancellationToken);
}
