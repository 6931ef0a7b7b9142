using System.Text.Json;
using LiaisonSite.Core.ContentManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace LiaisonSite.Core.Data;

/// <summary>Reads and writes whole JSON documents (definitions, settings), cached for a few seconds per node.</summary>
public interface IDocumentStore
{
    Task<T> GetAsync<T>(string key) where T : class, new();

    /// <summary>Stages the document in the unit of work; it is written by the next SaveChanges.</summary>
    Task SaveAsync<T>(string key, T document) where T : class;
}

internal sealed class DocumentStore(LiaisonDbContext db, IMemoryCache cache) : IDocumentStore
{
    // Other nodes see a change within this time; the writing node sees it at once.
    private static readonly TimeSpan s_cacheDuration = TimeSpan.FromSeconds(5);

    public async Task<T> GetAsync<T>(string key) where T : class, new()
    {
        var tracked = db.ChangeTracker.Entries<DocumentRecord>().FirstOrDefault(e => e.Entity.Key == key);
        if (tracked is not null)
        {
            return JsonSerializer.Deserialize<T>(tracked.Entity.Json, ContentItemExtensions.SerializerOptions) ?? new T();
        }

        if (cache.TryGetValue(CacheKey(key), out string? json) && json is not null)
        {
            return JsonSerializer.Deserialize<T>(json, ContentItemExtensions.SerializerOptions) ?? new T();
        }

        var record = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Key == key);
        json = record?.Json ?? "{}";
        cache.Set(CacheKey(key), json, s_cacheDuration);
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
        cache.Remove(CacheKey(key));
        db.AfterCommit(() =>
        {
            cache.Remove(CacheKey(key));
            return Task.CompletedTask;
        });
    }

    private static string CacheKey(string key) => "document:" + key;
}
