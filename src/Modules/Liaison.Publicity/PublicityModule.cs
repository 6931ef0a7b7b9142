using Liaison.Publicity.Caching;
using Liaison.Publicity.Data;
using Liaison.Publicity.Listing;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Publicity;

/// <summary>The public face of the site: home, list pages, language switch, friendly error pages.</summary>
public sealed class PublicityModule : LiaisonModule
{
    /// <summary>Links go to the addresses the ContentParts catch-all route serves (its IContentRouting).</summary>
    public override IEnumerable<Type> Dependencies => [typeof(Liaison.ContentParts.ContentPartsModule)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IIndexProvider, BranchContentIndexProvider>();
        services.AddScoped<IContentHandler, OutputCacheEvictionHandler>();
        services.AddScoped<PublicContentQuery>();
    }

    public override void ConfigureModel(ModelBuilder modelBuilder) => BranchContentIndex.Configure(modelBuilder);
}
