using System.Collections.Concurrent;

namespace LiaisonSite.Core.Data;

/// <summary>
/// The node's copy of the documents it has read (definitions, settings, grants), so that a request reads them without
/// a database round trip — a page the output cache answers touches no database at all. A copy is forgotten when the
/// document changes: at once on this node (after the save commits), through Redis pub/sub on the other nodes when
/// Redis is configured, and by <see cref="DocumentChangeWatcher"/>'s poll of the versions otherwise (and as a
/// backstop). A stale copy cannot overwrite anything: a save checks the version it was read at against the database.
/// </summary>
public sealed class DocumentCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _generations = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>A document as stored: its version (null when there is no such document) and its JSON.</summary>
    public sealed record Entry(long? Version, string Json);

    public bool TryGet(string key, out Entry entry) => _entries.TryGetValue(key, out entry!);

    internal bool HasEntries => !_entries.IsEmpty;

    /// <summary>How often <paramref name="key"/> has been forgotten; a reader takes it before it goes to the database.</summary>
    public long Generation(string key)
    {
        lock (_gate)
        {
            return _generations.GetValueOrDefault(key);
        }
    }

    /// <summary>
    /// Keeps what a reader loaded — unless the document was forgotten since the reader took <paramref name="generation"/>:
    /// then the reader may hold the version before the change, and the next reader loads again.
    /// </summary>
    public void Store(string key, long generation, Entry entry)
    {
        lock (_gate)
        {
            if (_generations.GetValueOrDefault(key) == generation)
            {
                _entries[key] = entry;
            }
        }
    }

    /// <summary>
    /// A value that changes whenever <paramref name="key"/> changes, read without the database (how often this node
    /// has forgotten it): a page cached under it (a vary-by value) cannot be served after the document changes, even
    /// if it was rendered from the old document and stored after the change's eviction.
    /// </summary>
    public string Stamp(string key) => Generation(key).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public void Forget(string key)
    {
        lock (_gate)
        {
            _generations[key] = _generations.GetValueOrDefault(key) + 1;
            _entries.TryRemove(key, out _);
        }
    }

    /// <summary>The cached documents whose version differs from <paramref name="stored"/> (the versions in the database).</summary>
    public List<string> StaleKeys(IReadOnlyDictionary<string, long> stored)
        => [.. _entries.Where(e => (stored.TryGetValue(e.Key, out var v) ? v : (long?)null) != e.Value.Version).Select(e => e.Key)];
}
