using System.Text.Json;
using System.Text.Json.Nodes;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Events;
using LiaisonSite.Core.Modules;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace LiaisonSite.Core.Data;

/// <summary>
/// The site's one unit of work. Modules add their entities through <see cref="LiaisonModule.ConfigureModel"/>;
/// saving content versions also writes their index rows (<see cref="ContentIndexWriter"/>) in the same transaction.
/// Provider-specific subclasses in the host carry the migrations.
/// Events raised with <see cref="Raise"/> go to the outbox in the same transaction and are dispatched after commit;
/// after-commit actions (<see cref="AfterCommit"/>) run once the save is committed and never make it fail.
/// </summary>
public abstract class LiaisonDbContext(DbContextOptions options, ModuleCatalog catalog)
    : IdentityDbContext<LiaisonUser, LiaisonRole, string>(options), IDataProtectionKeyContext
{
    private readonly List<Func<Task>> _afterCommit = [];
    private readonly List<Guid> _committedEvents = [];
    private bool _saving;

    public DbSet<ContentItem> ContentItems => Set<ContentItem>();

    public DbSet<DocumentRecord> Documents => Set<DocumentRecord>();

    /// <summary>Every content item id ever used (never deleted).</summary>
    public DbSet<ContentItemIdentity> ContentItemIdentities => Set<ContentItemIdentity>();

    /// <summary>The data-protection key ring, shared by every node (cookies, antiforgery, personal data at rest).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Domain events written with the changes that raised them (<see cref="Raise"/>).</summary>
    public DbSet<OutboxEvent> OutboxEvents => Set<OutboxEvent>();

    /// <summary>Which handler handled which event, so a retried event skips them.</summary>
    public DbSet<HandledEvent> HandledEvents => Set<HandledEvent>();

    /// <summary>Set by the content services; null while the model is built at design time.</summary>
    internal ContentIndexWriter? IndexWriter { get; set; }

    /// <summary>Set by the site; null at design time and in unit tests without a host (then nothing is dispatched).</summary>
    internal AfterCommitWork? AfterCommitWork { get; set; }

    /// <summary>
    /// Whether this unit of work has begun (or been handed) a transaction at some point, set by
    /// <see cref="AfterCommitInterceptor"/>: a cheap first question before <c>Database.CurrentTransaction</c>, which makes a
    /// context that was only constructed build its internal services.
    /// </summary>
    internal bool MayHaveTransaction { get; set; }

    /// <summary>
    /// Work to do once the current save has committed (cache eviction, waking a worker). It runs after the commit,
    /// is dropped on rollback or a failed save, and when it throws it is logged and retried in the background, so it
    /// must capture only singletons. Work that must not be lost is an event (<see cref="Raise"/>), not an action.
    /// </summary>
    public void AfterCommit(Func<Task> action) => _afterCommit.Add(action);

    /// <summary>
    /// Stages <paramref name="domainEvent"/> in the outbox: it is written by the next SaveChanges in the same
    /// transaction as the changes it describes, and delivered to its handlers after commit (at least once).
    /// </summary>
    public void Raise(IDomainEvent domainEvent)
    {
        var name = DomainEventAttribute.NameOf(domainEvent.GetType());
        var now = AfterCommitWork?.Clock.GetUtcNow().UtcDateTime ?? DateTime.UtcNow;
        var handled = AfterCommitWork is { } work && !work.Registry.HasHandlers(name);
        Add(new OutboxEvent
        {
            Id = Guid.NewGuid(),
            Type = name,
            Payload = DomainEventRegistry.Serialize(domainEvent),
            CreatedUtc = now,

            // Kept as a record even when nobody listens; the sweeper leaves dispatching to this node for a minute.
            DispatchedUtc = handled ? now : null,
            NextAttemptUtc = now.AddMinutes(1),
        });
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var changedVersions = ChangeTracker.Entries<ContentItem>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified)
            .Select(e => e.Entity)
            .ToList();
        var raised = ChangeTracker.EntriesAsTracked<OutboxEvent>()
            .Where(e => e.State == EntityState.Added && e.Entity.DispatchedUtc is null)
            .Select(e => e.Entity.Id)
            .ToList();

        int result;
        _saving = true;
        try
        {
            if (changedVersions.Count == 0 || IndexWriter is null)
            {
                result = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            else if (Database.CurrentTransaction is not null)
            {
                await IndexWriter.WriteAsync(this, changedVersions, cancellationToken);
                result = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            else
            {
                await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
                await IndexWriter.WriteAsync(this, changedVersions, cancellationToken);
                result = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch (DbUpdateException e) when (ContentInvariants.IsVersionConflict(e))
        {
            DiscardAfterCommit();
            throw new DbUpdateConcurrencyException("Another save changed the latest or published version of this item at the same time.", e);
        }
        catch
        {
            DiscardAfterCommit();
            throw;
        }
        finally
        {
            _saving = false;
        }

        _committedEvents.AddRange(raised);
        if (Database.CurrentTransaction is null)
        {
            await RunAfterCommitAsync();
        }

        return result;
    }

    /// <summary>
    /// Runs the deferred work: hands the committed events to the dispatcher and runs the after-commit actions. Called
    /// by SaveChanges without a transaction and when an explicit transaction commits; never throws.
    /// </summary>
    public async Task RunAfterCommitAsync()
    {
        var actions = _afterCommit.ToList();
        var events = _committedEvents.ToList();
        DiscardAfterCommit();
        AfterCommitWork?.Dispatch(events);
        foreach (var action in actions)
        {
            if (AfterCommitWork is { } work)
            {
                await work.RunAsync(action);
            }
            else
            {
                try
                {
                    await action();
                }
                catch (Exception e)
                {
                    System.Diagnostics.Trace.TraceWarning("Work after commit failed: {0}", e);
                }
            }
        }
    }

    /// <summary>Forgets the deferred work of a unit of work that rolled back (called on rollback and failed saves).</summary>
    public void DiscardAfterCommit()
    {
        _afterCommit.Clear();
        _committedEvents.Clear();
        AfterCommitDiscarded?.Invoke();
    }

    /// <summary>
    /// Raised when the deferred work is dropped: services that stage per unit of work (an eviction flag, a set of
    /// items already staged) reset their state here, or a retry in the same scope would be skipped.
    /// </summary>
    public event Action? AfterCommitDiscarded;

    /// <summary>True inside SaveChanges (its own transactions commit there, and it runs the deferred work itself).</summary>
    internal bool IsSaving => _saving;

    /// <summary>
    /// The host's options carry the after-commit interceptor already (see <c>LiaisonServices</c>), so a context is not
    /// given a copy of them per unit of work; options built elsewhere (tools, tests) get it here.
    /// </summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        if (optionsBuilder.Options.FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.Interceptors?.Contains(AfterCommitInterceptor.Instance) != true)
        {
            optionsBuilder.AddInterceptors(AfterCommitInterceptor.Instance);
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        var jsonComparer = new ValueComparer<JsonObject>(
            (a, b) => JsonNode.DeepEquals(a, b),
            v => v.ToJsonString(null).GetHashCode(StringComparison.Ordinal),
            v => (JsonObject)v.DeepClone());

        builder.Entity<ContentItem>(e =>
        {
            e.ToTable("ContentItems");
            e.HasKey(x => x.Id);
            e.Property(x => x.ContentItemId).HasMaxLength(26).IsRequired();
            e.Property(x => x.ContentItemVersionId).HasMaxLength(26).IsRequired();
            e.Property(x => x.ContentType).HasMaxLength(255).IsRequired();
            e.Property(x => x.DisplayText).HasMaxLength(1024);
            e.Property(x => x.Owner).HasMaxLength(255);
            e.Property(x => x.Author).HasMaxLength(255);
            e.Property(x => x.ConcurrencyStamp).HasMaxLength(36).IsConcurrencyToken();
            e.Property(x => x.Content)
                .HasConversion(
                    v => v.ToJsonString((JsonSerializerOptions?)null),
                    v => JsonNode.Parse(v, null, default)!.AsObject())
                .Metadata.SetValueComparer(jsonComparer);
            e.HasIndex(x => x.ContentItemVersionId).IsUnique();
            e.HasIndex(x => new { x.ContentItemId, x.Latest, x.Published });

            // At most one latest and one published version per item, whatever the code above does (both providers
            // accept a boolean column as the filter).
            e.HasIndex(x => x.ContentItemId, ContentInvariants.OneLatestIndex).IsUnique().HasFilter("\"Latest\"");
            e.HasIndex(x => x.ContentItemId, ContentInvariants.OnePublishedIndex).IsUnique().HasFilter("\"Published\"");
            e.HasIndex(x => new { x.ContentType, x.Published, x.Latest, x.ModifiedUtc });
            e.HasIndex(x => new { x.Owner, x.Latest });

            // The lists' orders, walked from the newest end and paged without a sort: the admin list (latest versions,
            // newest change first, of a type or of all — with the title, so a text filter reads the index, not the
            // items' JSON) and the public lists (published, newest first). The API's order, by published-or-modified
            // time, is an expression index written by the migration IndexContentListOrders (EF cannot describe it).
            e.HasIndex(x => new { x.ContentType, x.ModifiedUtc, x.Id, x.DisplayText }, "IX_ContentItems_LatestByType").HasFilter("\"Latest\"");
            e.HasIndex(x => new { x.ModifiedUtc, x.Id, x.DisplayText }, "IX_ContentItems_Latest").HasFilter("\"Latest\"");
            e.HasIndex(x => new { x.ContentType, x.PublishedUtc, x.Id }, "IX_ContentItems_PublishedByType").HasFilter("\"Published\"");
        });

        builder.Entity<ContentItemIdentity>(e =>
        {
            e.ToTable("ContentItemIdentities");
            e.HasKey(x => x.ContentItemId);
            e.Property(x => x.ContentItemId).HasMaxLength(26);
            e.Property(x => x.ContentType).HasMaxLength(255).IsRequired();
            e.Property(x => x.Owner).HasMaxLength(255).IsRequired();
        });

        builder.Entity<DataProtectionKey>(e => e.ToTable("DataProtectionKeys"));
        OutboxEvent.Configure(builder);

        builder.Entity<DocumentRecord>(e =>
        {
            e.ToTable("Documents");
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(255);
            e.Property(x => x.Version).IsConcurrencyToken();
        });

        Upgrades.ModuleUpgrade.Configure(builder);
        Notifications.UserNotification.Configure(builder);
        Mail.QueuedMail.Configure(builder);

        foreach (var module in catalog.Modules)
        {
            module.ConfigureModel(builder);
        }
    }
}
