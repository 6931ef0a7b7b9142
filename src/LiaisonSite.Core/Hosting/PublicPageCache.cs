using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;

namespace LiaisonSite.Core.Hosting;

/// <summary>
/// Caches public pages for anonymous visitors, per language. Every entry carries <see cref="Tag"/>; publishing,
/// unpublishing or removing content, and a change of settings, definitions or grants, evict the tag
/// (<see cref="EvictAsync"/>). Pages also vary by how often this node has evicted them: a page rendered from what it
/// read before a change and stored after the change's eviction is stored under the old count, so it is never served
/// (the search page showed the race: a type made private was still found). <c>Liaison:OutputCache:Enabled=false</c>
/// turns caching off (to measure or debug rendering; bench/load uses it).
/// </summary>
public sealed class PublicPageCache(bool enabled = true) : IOutputCachePolicy
{
    public const string PolicyName = "PublicPage";
    public const string Tag = "public-content";

    private long _evictions;

    /// <summary>
    /// How often this node has forgotten what the public sees: a value that changes with every eviction, read without
    /// the database. Cached pages vary by it, and <see cref="PublicFragments"/> keeps rendered parts of pages under it.
    /// </summary>
    public long Generation => Interlocked.Read(ref _evictions);

    /// <summary>Forgets the cached public pages: first for the pages being rendered now, then in the store.</summary>
    public ValueTask EvictAsync(IOutputCacheStore store, CancellationToken cancellationToken)
    {
        Forget();
        return store.EvictByTagAsync(Tag, cancellationToken);
    }

    /// <summary>Moves on to the next generation (a host without an output cache store still has fragments to forget).</summary>
    public void Forget() => Interlocked.Increment(ref _evictions);

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var anonymous = context.HttpContext.User.Identity?.IsAuthenticated != true
            && !request.Headers.ContainsKey("Authorization");
        var cacheable = anonymous && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method));
        context.EnableOutputCaching = enabled;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(10);
        context.Tags.Add(Tag);
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        context.CacheVaryByRules.VaryByValues["evictions"] = Generation.ToString(CultureInfo.InvariantCulture);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (!StringValues.IsNullOrEmpty(response.Headers.SetCookie) || response.StatusCode != StatusCodes.Status200OK)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
