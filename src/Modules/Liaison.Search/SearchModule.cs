using Liaison.Search.Data;
using Liaison.Search.Indexing;
using Liaison.Search.Public;
using Liaison.Search.Querying;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Hosting;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Modules;
using LiaisonSite.Core.Navigation;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Upgrades;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Search;

/// <summary>Full-text search with Lucene.Net and the SmartCn analyzer: indexing tasks, per-node indexes, /search, admin search.</summary>
public sealed class SearchModule : LiaisonModule
{
    public override IEnumerable<Type> Dependencies => [typeof(Liaison.ContentParts.ContentPartsModule), typeof(Liaison.Contents.ContentsModule)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp => new SearchStore(
            SearchStore.FolderFor(sp.GetRequiredService<LiaisonOptions>(), sp.GetRequiredService<IConfiguration>())));
        services.AddSingleton<IndexingSignal>();
        services.AddSingleton<SearchDocumentBuilder>();
        services.AddSingleton<SearchIndexer>();
        services.AddSingleton<SearchService>();
        // The store is opened at the first search page, not when the pipeline is built: a command run beside the site
        // (recipe run) builds the pipeline too, and must not ask for the node's search folder the site holds.
        services.AddOptions<OutputCacheOptions>().Configure<IServiceProvider, PublicPageCache, LiaisonSite.Core.Data.DocumentCache>((o, sp, page, documents) =>
            o.AddPolicy(SearchPageCache.PolicyName, new SearchPageCache(page, new Lazy<SearchStore>(sp.GetRequiredService<SearchStore>), documents)));
        services.AddScoped<ITypeNameSource, DefinitionTypeNameSource>();
        services.AddScoped<IContentHandler, IndexingTaskHandler>();
        services.AddHostedService<IndexingService>();
        services.AddScoped<ICommandLineCommand, Commands.SearchRebuildCommand>();
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddDefaultGrantsUpgrade<Permissions>();
        services.AddScoped<IAdminMenuProvider, AdminMenu>();
    }

    public override void ConfigureModel(ModelBuilder modelBuilder) => IndexingTask.Configure(modelBuilder);
}
