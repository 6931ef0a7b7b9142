using System.Text.Json;
using LiaisonSite.Core.ContentManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

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

internal sealed class DocumentStore(LiaisonDbContext db, IMemoryCache cache) : IDocumentStore
{
    // Parsed once per node and version; every request checks the version (one small query per document and
    // request), so a change made by another node or process is seen by the next request.
    private readonly Dictionary<string, (long? Version, string Json)> _loaded = [];

    public async Task<T> GetAsync<T>(string key) where T : class, new()
    {
        var tracked = db.ChangeTracker.Entries<DocumentRecord>().FirstOrDefault(e => e.Entity.Key == key);
        var json = tracked?.Entity.Json ?? await LoadJsonAsync(key);
        return JsonSerializer.Deserialize<T>(json, ContentItemExtensions.SerializerOptions) ?? new T();
    }

    /// <summary>
    /// Refuses (<see cref="DocumentConcurrencyException"/>) when the document changed since this unit of work read it;
    /// the stored version is also the concurrency token, so a change between here and SaveChanges is refused by it.
    /// A document saved without being read first (a recipe replacing it) has nothing to be stale against.
    /// </summary>
    public async Task SaveAsync<T>(string key, T document) where T : class
    {
        var json = JsonSerializer.Serialize(document, ContentItemExtensions.SerializerOptions);
        var record = db.ChangeTracker.Entries<DocumentRecord>().FirstOrDefault(e => e.Entity.Key == key)?.Entity;
        if (record is null)
        {
            record = await db.Documents.FirstOrDefaultAsync(d => d.Key == key);
            if (_loaded.TryGetValue(key, out var read) && read.Version != record?.Version)
            {
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
        _loaded.Remove(key);
    }

    private async Task<string> LoadJsonAsync(string key)
    {
        if (_loaded.TryGetValue(key, out var loaded))
        {
            return loaded.Json;
        }

        var version = await db.Documents.AsNoTracking().Where(d => d.Key == key).Select(d => (long?)d.Version).FirstOrDefaultAsync();
        string json;
        if (version is null)
        {
            json = "{}";
        }
        else if (cache.TryGetValue(CacheKey(key), out (long Version, string Json) cached) && cached.Version == version)
        {
            json = cached.Json;
        }
        else
        {
            var record = await db.Documents.AsNoTracking().FirstAsync(d => d.Key == key);
            json = record.Json;
            version = record.Version;
            cache.Set(CacheKey(key), (record.Version, record.Json));
        }

        _loaded[key] = (version, json);
        return json;
    }

    private static string CacheKey(string key) => "document:" + key;
}
