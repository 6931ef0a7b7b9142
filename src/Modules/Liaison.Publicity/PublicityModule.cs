using Liaison.Publicity.Data;
using Liaison.Publicity.Feeds;
using Liaison.Publicity.Listing;
using Liaison.Publicity.Members;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Modules;
using LiaisonSite.Core.Upgrades;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Publicity;

/// <summary>The public face of the site: home, list pages, language switch, friendly error pages.</summary>
public sealed class PublicityModule : LiaisonModule
{
    /// <summary>
    /// Links go to the addresses the ContentParts catch-all route serves (its IContentRouting); the sitemap lists
    /// the public types as Liaison.Contents decides them.
    /// </summary>
    public override IEnumerable<Type> Dependencies => [typeof(Liaison.ContentParts.ContentPartsModule), typeof(Liaison.Contents.ContentsModule)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IIndexProvider, BranchContentIndexProvider>();
        services.AddScoped<PublicContentQuery>();
        services.AddUpgradeStep<Liaison.Publicity.Upgrades.MarkEditorialFlags>();
        services.AddScoped<LiaisonSite.Core.Display.IContentPartDriver, Branches.BranchPagePartDriver>();
        services.AddScoped<ExemplaryMemberQuery>();
        services.AddScoped<FeedQuery>();
        services.AddScoped<SitemapQuery>();
    }

    public override void ConfigureModel(ModelBuilder modelBuilder) => BranchContentIndex.Configure(modelBuilder);
}
