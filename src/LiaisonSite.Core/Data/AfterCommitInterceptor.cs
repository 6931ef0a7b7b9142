using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LiaisonSite.Core.Data;

/// <summary>
/// Ties the deferred work of a <see cref="LiaisonDbContext"/> to its explicit transactions: a commit runs it, a
/// rollback drops it, so no caller can forget either. (SaveChanges without a transaction runs it itself.)
/// </summary>
internal sealed class AfterCommitInterceptor : DbTransactionInterceptor
{
    public static readonly AfterCommitInterceptor Instance = new();

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
        => Mark(eventData, result);

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default)
        => ValueTask.FromResult(Mark(eventData, result));

    public override DbTransaction TransactionUsed(DbConnection connection, TransactionEventData eventData, DbTransaction result)
        => Mark(eventData, result);

    public override ValueTask<DbTransaction> TransactionUsedAsync(DbConnection connection, TransactionEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default)
        => ValueTask.FromResult(Mark(eventData, result));

    private static DbTransaction Mark(DbContextEventData eventData, DbTransaction transaction)
    {
        if (eventData.Context is LiaisonDbContext db)
        {
            db.MayHaveTransaction = true;
        }

        return transaction;
    }

    public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is LiaisonDbContext { IsSaving: false } db)
        {
            await db.RunAfterCommitAsync();
        }
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
        => (eventData.Context as LiaisonDbContext)?.DiscardAfterCommit();

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as LiaisonDbContext)?.DiscardAfterCommit();
        return Task.CompletedTask;
    }
}
