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

internal sealed class DocumentStore(LiaisonDbContext db, IMemoryCache cache) : IDocumentStore
{
    // Parsed once per node and version; every request checks the version (one small query per document and
    // request), so a change made by another node or process is seen by the next request.
    private readonly Dictionary<string, string> _loaded = [];

    public async Task<T> GetAsync<T>(string key) where T : class, new()
    {
        var tracked = db.ChangeTracker.Entries<DocumentRecord>().FirstOrDefault(e => e.Entity.Key == key);
        var json = tracked?.Entity.Json ?? await LoadJsonAsync(key);
        return JsonSerializer.Deserialize<T>(json, ContentItemExtensions.SerializerOptions) ?? new T();
    }

    public async Task SaveAsync<T>(string key, T document) where T : class
    {
        var json = JsonSerializer.Serialize(document, ContentItemExtensions.SerializerOptions);
        var record = db.ChangeTracker.Entries<DocumentRecord>().FirstOrDefault(e => e.Entity.Key == key)?.Entity
            ?? await db.Documents.FirstOrDefaultAsync(d => d.Key == key);
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
        if (_loaded.TryGetValue(key, out var json))
        {
            return json;
        }

        var version = await db.Documents.AsNoTracking().Where(d => d.Key == key).Select(d => (long?)d.Version).FirstOrDefaultAsync();
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
            cache.Set(CacheKey(key), (record.Version, record.Json));
        }

        _loaded[key] = json;
        return json;
    }

    private static string CacheKey(string key) => "document:" + key;
}
