using Liaison.Search.Indexing;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.OutputCaching;

namespace Liaison.Search.Public;

/// <summary>
/// The public search page is cached like the other public pages (anonymous visitors, per language) and also per
/// version of this node's index: once the index commits, searches use new entries, so a search that read the index
/// just before a commit can never be served after it — even if it is stored after the commit's eviction. The old
/// entries are evicted at the commit (tag) or expire. For the same reason it varies by the stamps of the documents
/// that decide what the public may find (the definitions: a type made Securable; the grants: what Anonymous may
/// view): a search that read them before a change and was stored after the change's eviction is never served.
/// </summary>
internal sealed class SearchPageCache(IOutputCachePolicy publicPage, Lazy<SearchStore> store, DocumentCache documents) : IOutputCachePolicy
{
    public const string PolicyName = "PublicSearch";

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        await publicPage.CacheRequestAsync(context, cancellation);
        context.Tags.Add(SearchIndexer.SearchPagesTag);
        context.CacheVaryByRules.VaryByValues["index"] = store.Value.Index.Generation;
        context.CacheVaryByRules.VaryByValues["definitions"] = documents.Stamp(ContentDefinitionDocument.DocumentKey);
        context.CacheVaryByRules.VaryByValues["grants"] = documents.Stamp(RolePermissionsDocument.DocumentKey);
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
        => publicPage.ServeFromCacheAsync(context, cancellation);

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        => publicPage.ServeResponseAsync(context, cancellation);
}
