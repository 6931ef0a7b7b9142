using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;

namespace LiaisonSite.Core.Hosting;

/// <summary>What a rendering produced: the value, its size in characters, and whether it may be shared.</summary>
/// <param name="Shareable">False for a rendering that belongs to one visitor (a form's antiforgery token, a cookie) or that
/// must not be kept (an address that leads nowhere: keeping those would let anyone fill the memory).</param>
public readonly record struct Rendered<T>(T Value, long Size, bool Shareable = true);

/// <summary>
/// Rendered parts of public pages kept in this node's memory (Orchard's dynamic cache), so that a page the output cache
/// does not answer — it is turned off, or the page is not cacheable as a whole — is assembled without the database.
/// A fragment belongs to the <see cref="PublicPageCache.Generation"/> it was rendered in and is served only while that
/// generation holds: whatever evicts the cached pages (a publish, unpublish, removal or in-place edit on this node, a
/// change of settings, definitions or grants, a notice closing; a change on another node as soon as this node hears
/// of it through <see cref="Data.DocumentChangeSignal"/>) forgets every fragment too. A rendering that began before a
/// change and ends after it is kept under the old generation and never served. Bounded by
/// <c>Liaison:FragmentCache:SizeMB</c> (default 32) of text, least used first out, and rendered again after ten
/// minutes like a cached page, so what depends on the clock is no staler than there. <c>Liaison:FragmentCache:Enabled=false</c>
/// turns it off (bench/load measures both).
/// </summary>
public sealed class PublicFragments : IDisposable
{
    private static readonly TimeSpan s_lifetime = TimeSpan.FromMinutes(10);

    private readonly PublicPageCache _pages;
    private readonly MemoryCache _fragments;
    private long _generation;

    public PublicFragments(PublicPageCache pages, IConfiguration configuration)
    {
        _pages = pages;
        Enabled = configuration.GetValue("Liaison:FragmentCache:Enabled", true);
        var megabytes = Math.Max(1, configuration.GetValue("Liaison:FragmentCache:SizeMB", 32));
        _fragments = new MemoryCache(new MemoryCacheOptions { SizeLimit = megabytes * 1024L * 1024L / sizeof(char) });
        _generation = pages.Generation;
    }

    public bool Enabled { get; }

    /// <summary>Fragments kept now (of the current generation or not yet dropped).</summary>
    public long Count => _fragments.Count;

    /// <summary>
    /// The fragment kept under <paramref name="key"/> in the current generation, or what <paramref name="render"/> makes
    /// (then kept when it is shareable and nothing changed while it rendered). The key must name everything the
    /// rendering depends on besides the stored data: the address, the query, the language, and who may see it.
    /// </summary>
    public async Task<T> GetOrRenderAsync<T>(string key, Func<Task<Rendered<T>>> render)
    {
        if (!Enabled)
        {
            return (await render()).Value;
        }

        var generation = CurrentGeneration();
        if (_fragments.TryGetValue(key, out Entry? kept) && kept!.Generation == generation)
        {
            return (T)kept.Value!;
        }

        var rendered = await render();
        if (rendered.Shareable && _pages.Generation == generation)
        {
            _fragments.Set(key, new Entry(generation, rendered.Value), new MemoryCacheEntryOptions
            {
                Size = Math.Max(1, rendered.Size + key.Length),
                AbsoluteExpirationRelativeToNow = s_lifetime,
            });
        }

        return rendered.Value;
    }

    // The pages' generation; when it moved on, the fragments of the old one are dropped at once rather than left to
    // age out (they can never be served again).
    private long CurrentGeneration()
    {
        var generation = _pages.Generation;
        var seen = Interlocked.Read(ref _generation);
        if (seen != generation && Interlocked.CompareExchange(ref _generation, generation, seen) == seen)
        {
            _fragments.Clear();
        }

        return generation;
    }

    public void Dispose() => _fragments.Dispose();

    private sealed record Entry(long Generation, object? Value);
}
