using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LiaisonSite.Core.Data;

/// <summary>
/// The invariants of content versions that the database itself guards: at most one Latest and one Published version
/// per item (filtered unique indexes). A save that would break them lost a race with another save of the same item;
/// <see cref="LiaisonDbContext"/> reports it as a <see cref="DbUpdateConcurrencyException"/>, like a stale stamp.
/// </summary>
public static class ContentInvariants
{
    public const string OneLatestIndex = "IX_ContentItems_ContentItemId_Latest";

    public const string OnePublishedIndex = "IX_ContentItems_ContentItemId_Published";

    internal static bool IsVersionConflict(DbUpdateException e) => e is not DbUpdateConcurrencyException && e.InnerException switch
    {
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation
            && p.ConstraintName is OneLatestIndex or OnePublishedIndex,

        // SQLite names the columns, not the index: the only unique index on ContentItems.ContentItemId alone is ours.
        SqliteException s => s.SqliteExtendedErrorCode == 2067 /* SQLITE_CONSTRAINT_UNIQUE */
            && s.Message.Contains("ContentItems.ContentItemId'", StringComparison.Ordinal),
        _ => false,
    };
}
