using System.Text.Json;
using LiaisonSite.Core.ContentManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Core.Data;

/// <summary>Reads and writes whole JSON documents (definitions, settings, role permissions).</summary>
public interface IDocumentStore
{
    Task<T> GetAsync<T>(string key) where T : class, new();

    /// <summary>Stages the document in the unit of work; it is written by the next SaveChanges.</summary>
    Task SaveAsync<T>(string key, T document) where T : class;
}

/// <summary>
/// A document was changed by someone else after this unit of work read it; saving would overwrite their change.
/// Nothing was saved. The MVC filter answers it with 409 and a message (<c>ConcurrencyConflictFilter</c>).
/// </summary>
public sealed class DocumentConcurrencyException(string key)
    : Exception($"The document '{key}' was changed by someone else after it was read; the change was not saved.")
{
    public string Key { get; } = key;
}

/// <summary>
/// The scope's unit of work once something in the scope resolved it, so that a scoped reader can ask whether a
/// transaction is open without constructing a context (which a page answered from cached documents never does).
/// </summary>
internal sealed class UnitOfWorkSlot
{
    public LiaisonDbContext? Db { get; set; }
}

internal sealed class DocumentStore(IServiceProvider services, DocumentCache cache, DocumentChangeSignal signal, UnitOfWorkSlot slot) : IDocumentStore
{
    // The unit of work's context is resolved only when a document is not in the node's cache or is saved: a request
    // that reads cached documents (the setup gate, a page the output cache answers) constructs no DbContext at all.
    // Resolving it fills the scope's slot.
    private LiaisonDbContext Db => slot.Db ?? services.GetRequiredService<LiaisonDbContext>();

    // What this unit of work read, at which version: a save compares it with the database. The JSON comes from the
    // node's cache (no database round trip) and is parsed per unit of work, so callers may change what they get.
    private readonly Dictionary<string, DocumentCache.Entry> _loaded = [];
    private readonly HashSet<string> _written = [];

    public async Task<T> GetAsync<T>(string key) where T : class, new()
    {
        // What this unit of work wrote is in _loaded too (SaveAsync keeps it there until the commit or the rollback).
        var json = await LoadJsonAsync(key);
        return JsonSerializer.Deserialize<T>(json, ContentItemExtensions.SerializerOptions) ?? new T();
    }

    /// <summary>
    /// Refuses (<see cref="DocumentConcurrencyException"/>) when the document changed since this unit of work read it;
    /// the stored version is also the concurrency token, so a change between here and SaveChanges is refused by it.
    /// A document saved without being read first (a recipe replacing it) has nothing to be stale against. Once the
    /// save commits, every node forgets its copy.
    /// </summary>
    public async Task SaveAsync<T>(string key, T document) where T : class
    {
        var db = Db;
        var json = JsonSerializer.Serialize(document, ContentItemExtensions.SerializerOptions);
        var record = db.ChangeTracker.EntriesAsTracked<DocumentRecord>().FirstOrDefault(e => e.Entity.Key == key)?.Entity;
        if (record is null)
        {
            record = await db.Documents.FirstOrDefaultAsync(d => d.Key == key);
            if (_loaded.TryGetValue(key, out var read) && read.Version != record?.Version)
            {
                // This node's copy was older than the database (a change on another node not yet announced).
                cache.Forget(key);
                throw new DocumentConcurrencyException(key);
            }
        }

        if (record is null)
        {
            record = new DocumentRecord { Key = key };
            db.Documents.Add(record);
        }

        record.Json = json;
        record.Version++;

        // This unit of work now reads what it wrote, even once its change tracker is cleared (a recipe saves and
        // clears in batches inside its transaction); dropped when the unit of work commits or rolls back, when the
        // database (through the cache) says again what holds.
        _loaded[key] = new DocumentCache.Entry(record.Version, json);
        if (_written.Add(key) && _written.Count == 1)
        {
            db.AfterCommitDiscarded += ForgetWritten;
        }

        var changes = signal;
        db.AfterCommit(() => changes.ChangedAsync(key));
    }

    private void ForgetWritten()
    {
        Db.AfterCommitDiscarded -= ForgetWritten;
        foreach (var key in _written)
        {
            _loaded.Remove(key);
        }

        _written.Clear();
    }

    private async Task<string> LoadJsonAsync(string key)
    {
        // A unit of work inside a transaction (a recipe, an import) writes what it builds on what it reads: it reads the
        // database, not this node's copy, which may be up to a poll interval behind a change made on another node or by
        // another process (`recipe run` on the same database) — its save would then be refused as a conflict.
        if (!_loaded.TryGetValue(key, out var entry)
            && (slot.Db is { MayHaveTransaction: true } inTransaction && inTransaction.Database.CurrentTransaction is not null || !cache.TryGet(key, out entry)))
        {
            var generation = cache.Generation(key);
            var db = Db;
            var record = await db.Documents.AsNoTracking().Where(d => d.Key == key)
                .Select(d => new { d.Version, d.Json }).FirstOrDefaultAsync();
            entry = record is null ? new DocumentCache.Entry(null, "{}") : new DocumentCache.Entry(record.Version, record.Json);

            // Inside a transaction the read may include this unit of work's own uncommitted write: it is not the
            // node's to share until it commits.
            if (db.Database.CurrentTransaction is null)
            {
                cache.Store(key, generation, entry);
            }
        }

        _loaded[key] = entry;
        return entry.Json;
    }
}
