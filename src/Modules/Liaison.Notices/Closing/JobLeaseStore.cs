using Liaison.Notices.Data;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Notices.Closing;

/// <summary>
/// "Once across nodes" for periodic jobs: a row per job in JobLeases, taken by a single conditional UPDATE
/// (holder = me, expiry = now + duration, where the lease is expired or already mine). The database applies the
/// UPDATE atomically (a row lock in PostgreSQL, the database write lock in SQLite), so of two nodes racing for an
/// expired lease exactly one sees one affected row. No advisory lock is needed and both providers behave alike.
/// </summary>
internal sealed class JobLeaseStore(LiaisonDbContext db, TimeProvider clock)
{
    /// <summary>This process; a restarted node is a new holder and waits for its old lease to expire.</summary>
    public static readonly string NodeId = MakeNodeId();

    /// <summary>Who takes the lease; tests play two nodes by giving two stores different holders.</summary>
    public string Holder { get; init; } = NodeId;

    public async Task<bool> TryAcquireAsync(string job, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await db.Set<JobLease>().AnyAsync(l => l.Name == job, cancellationToken))
        {
            try
            {
                db.Add(new JobLease { Name = job, Holder = "", ExpiresUtc = DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc) });
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another node inserted the row first; the UPDATE below decides who holds it.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        var expires = now + duration;
        var holder = Holder;
        var taken = await db.Set<JobLease>()
            .Where(l => l.Name == job && (l.ExpiresUtc <= now || l.Holder == holder))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresUtc, expires), cancellationToken);
        return taken == 1;
    }

    private static string MakeNodeId()
    {
        var id = $"{Guid.NewGuid():N}:{Environment.ProcessId}:{Environment.MachineName}";
        return id.Length <= 100 ? id : id[..100];
    }
}
