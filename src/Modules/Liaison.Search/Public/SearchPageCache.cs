using Liaison.Search.Indexing;
using Microsoft.AspNetCore.OutputCaching;

namespace Liaison.Search.Public;

/// <summary>
/// The public search page is cached like the other public pages (anonymous visitors, per language) and also per
/// version of this node's index: once the index commits, searches use new entries, so a search that read the index
/// just before a commit can never be served after it — even if it is stored after the commit's eviction. The old
/// entries are evicted at the commit (tag) or expire.
/// </summary>
internal sealed class SearchPageCache(IOutputCachePolicy publicPage, SearchStore store) : IOutputCachePolicy
{
    public const string PolicyName = "PublicSearch";

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        await publicPage.CacheRequestAsync(context, cancellation);
        context.Tags.Add(SearchIndexer.SearchPagesTag);
        context.CacheVaryByRules.VaryByValues["index"] = store.Index.Generation;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
        => publicPage.ServeFromCacheAsync(context, cancellation);

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        => publicPage.ServeResponseAsync(context, cancellation);
}
