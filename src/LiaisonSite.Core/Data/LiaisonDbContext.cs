using System.Text.Json;
using System.Text.Json.Nodes;
using LiaisonSite.Core.ContentManagement;
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
/// </summary>
public abstract class LiaisonDbContext(DbContextOptions options, ModuleCatalog catalog)
    : IdentityDbContext<LiaisonUser, LiaisonRole, string>(options), IDataProtectionKeyContext
{
    private readonly List<Func<Task>> _afterCommit = [];

    public DbSet<ContentItem> ContentItems => Set<ContentItem>();

    public DbSet<DocumentRecord> Documents => Set<DocumentRecord>();

    /// <summary>Every content item id ever used (never deleted).</summary>
    public DbSet<ContentItemIdentity> ContentItemIdentities => Set<ContentItemIdentity>();

    /// <summary>The data-protection key ring, shared by every node (cookies, antiforgery, personal data at rest).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Set by the content services; null while the model is built at design time.</summary>
    internal ContentIndexWriter? IndexWriter { get; set; }

    /// <summary>Work to do once the current save has committed (cache eviction, notifications).</summary>
    public void AfterCommit(Func<Task> action) => _afterCommit.Add(action);

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var changedVersions = ChangeTracker.Entries<ContentItem>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified)
            .Select(e => e.Entity)
            .ToList();

        int result;
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

        if (Database.CurrentTransaction is null)
        {
            await RunAfterCommitAsync();
        }

        return result;
    }

    /// <summary>Runs the deferred work; called by whoever commits an explicit transaction.</summary>
    public async Task RunAfterCommitAsync()
    {
        var actions = _afterCommit.ToList();
        _afterCommit.Clear();
        foreach (var action in actions)
        {
            await action();
        }
    }

    public void DiscardAfterCommit() => _afterCommit.Clear();

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
            e.HasIndex(x => new { x.ContentType, x.Published, x.Latest, x.ModifiedUtc });
            e.HasIndex(x => new { x.Owner, x.Latest });
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
