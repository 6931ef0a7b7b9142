using LiaisonSite.Core.Data;
using LiaisonSite.Core.Hosting;
using LiaisonSite.Core.Modules;
using LiaisonSite.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiaisonSite.Core.Upgrades;

/// <summary>
/// Runs the modules' pending upgrade steps at start, after the migrations and before setup from configuration. Each
/// step runs in its own transaction that first inserts the step's ModuleUpgrades row: that insert is the lock. A
/// second node starting at the same time waits on it (PostgreSQL's unique index, SQLite's write lock) and, once the
/// first commits, finds the step done and skips it; a step that fails rolls back, row included, and stops the start
/// with its error, so the next start tries it again.
/// </summary>
internal sealed partial class UpgradeRunner(ModuleCatalog catalog, TimeProvider clock, ILogger<UpgradeRunner> logger) : IStartupTask
{
    public int Order => -2000;

    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        List<(string Module, int Number, string Description, bool Baseline)> steps;
        HashSet<(string, int)> done;
        bool baselineSite;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var order = catalog.Modules.Select((m, i) => (m.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
            steps = [.. scope.ServiceProvider.GetServices<IUpgradeStep>()
                .Select(s => (s.Module, s.Number, s.Description, s.Baseline))
                .OrderBy(s => order.GetValueOrDefault(s.Module, int.MaxValue)).ThenBy(s => s.Number)];
            var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
            var rows = await db.Set<ModuleUpgrade>().AsNoTracking().Select(u => new { u.Module, u.Number }).ToListAsync(cancellationToken);
            done = [.. rows.Select(r => (r.Module, r.Number))];

            // A site set up before module upgrades existed has no rows at all: what baseline steps do, its setup did.
            baselineSite = rows.Count == 0
                && (await scope.ServiceProvider.GetRequiredService<ISiteService>().GetSettingsAsync()).SetupCompletedUtc is not null;
        }

        foreach (var step in steps.Where(s => !done.Contains((s.Module, s.Number))))
        {
            await RunStepAsync(scopes, step, baselineSite && step.Baseline, cancellationToken);
        }
    }

    private async Task RunStepAsync(
        IServiceScopeFactory scopes, (string Module, int Number, string Description, bool Baseline) step, bool recordOnly, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(new ModuleUpgrade
        {
            Module = step.Module,
            Number = step.Number,
            Description = step.Description,
            AppliedUtc = clock.GetUtcNow().UtcDateTime,
            Baseline = recordOnly,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node ran (or is running and has now committed) this step.
            return;
        }

        if (!recordOnly)
        {
            var instance = scope.ServiceProvider.GetServices<IUpgradeStep>().Single(s => s.Module == step.Module && s.Number == step.Number);
            await instance.RunAsync(new UpgradeContext(scope.ServiceProvider), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        await db.RunAfterCommitAsync();
        LogApplied(step.Module, step.Number, step.Description, recordOnly ? " (recorded: the site had it from its setup)" : "");
    }

    [LoggerMessage(LogLevel.Information, "Upgrade {Module} #{Number} applied: {Description}{Note}.")]
    private partial void LogApplied(string module, int number, string description, string note);
}
