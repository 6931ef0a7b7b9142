using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Display;
using LiaisonSite.Core.Events;
using LiaisonSite.Core.Jobs;
using LiaisonSite.Core.Jobs.Scheduler;
using LiaisonSite.Core.Localization;
using LiaisonSite.Core.Mail;
using LiaisonSite.Core.Modules;
using LiaisonSite.Core.Navigation;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Settings;
using LiaisonSite.Core.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;

namespace LiaisonSite.Core.Hosting;

public static class LiaisonServices
{
    /// <summary>Adds the kernel, the database, identity, MVC and every module of the catalog.</summary>
    public static WebApplicationBuilder AddLiaison(this WebApplicationBuilder builder, ModuleCatalog catalog, string migrationsAssembly)
    {
        var services = builder.Services;
        var options = LiaisonOptions.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath);
        Directory.CreateDirectory(options.AppData);

        // Themes' and modules' wwwroot (/_content/…) from the build output in every environment, not only Development;
        // a published site has them in its own wwwroot and this finds no manifest.
        builder.WebHost.UseStaticWebAssets();

        services.AddSingleton(catalog);
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddMemoryCache();

        services.AddLiaisonDatabase(options, migrationsAssembly);
        services.AddLiaisonEvents();
        services.AddBackgroundJob<DatabaseStatisticsJob>();
        services.AddLiaisonDocuments();
        services.AddHostedService<DocumentChangeWatcher>();
        services.AddScoped<IContentDefinitionManager, ContentDefinitionManager>();
        services.AddScoped<IContentTypeResolver, ContentTypeResolver>();
        services.TryAddScoped<IContentVisibility, NoContentVisible>();
        services.TryAddSingleton<IPublicContentTypes, NoPublicContentTypes>();
        services.AddScoped<IContentManager, ContentManager>();
        services.AddScoped<ContentIndexWriter>();
        services.AddScoped<IContentDisplayManager, ContentDisplayManager>();
        services.AddScoped<IContentHandler, FieldValidationHandler>();
        services.AddScoped<IContentHandler, PublicPageCacheEviction>();
        services.AddScoped<ISiteService, SiteService>();
        services.AddScoped<ISchoolClock, SchoolClock>();
        services.AddScoped<IAdminMenu, AdminMenu>();
        services.TryAddScoped<IAdminTaskCount, NoAdminTasks>();
        services.AddScoped<IPermissionService, PermissionService>();
        services.AddScoped<IRequestLimits, RequestLimits>();
        services.AddScoped<RoleLabels>();
        services.AddScoped<Import.SpreadsheetReader>();
        services.AddSingleton<Import.ImportUploadStore>();
        services.AddScoped<IRecipeExecutor, RecipeExecutor>();
        services.AddScoped<RecipeRun>();
        services.AddSingleton<IStartupTask, Upgrades.UpgradeRunner>();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();

        services.AddLocalization();
        services.AddSingleton<PoStringLocalizerFactory>();
        services.Replace(ServiceDescriptor.Singleton<IStringLocalizerFactory>(sp => sp.GetRequiredService<PoStringLocalizerFactory>()));
        services.AddSingleton<ViewModules>();

        services.AddLiaisonSharedState(options, builder.Configuration);
        services.AddLiaisonJobs(options, builder.Configuration);
        services.AddLiaisonNotifications();

        services.AddLiaisonIdentity();
        services.AddLiaisonMvc(catalog);
        services.AddLiaisonWeb(builder.Configuration);
        services.AddLiaisonProxyTrust(builder.Configuration);
        services.AddSingleton(PublicOrigin.FromConfiguration(builder.Configuration));

        foreach (var module in catalog.Modules)
        {
            module.ConfigureServices(services, builder.Configuration);
        }

        return builder;
    }

    // The options are built once per node (interceptors are singletons), not once per unit of work: building them
    // was a measurable share of every request that used the database.
    private static void AddLiaisonDatabase(this IServiceCollection services, LiaisonOptions options, string migrationsAssembly)
    {
        if (options.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<PostgresLiaisonDbContext>((sp, o) =>
                o.UseNpgsql(options.ConnectionString, x => x.MigrationsAssembly(migrationsAssembly)).AddInterceptors([AfterCommitInterceptor.Instance, .. sp.GetServices<IInterceptor>()]),
                optionsLifetime: ServiceLifetime.Singleton);
            services.AddScoped<LiaisonDbContext>(sp => WithIndexWriter(sp, sp.GetRequiredService<PostgresLiaisonDbContext>()));
        }
        else
        {
            services.AddDbContext<SqliteLiaisonDbContext>((sp, o) =>
                o.UseSqlite(options.ConnectionString, x => x.MigrationsAssembly(migrationsAssembly)).AddInterceptors([AfterCommitInterceptor.Instance, .. sp.GetServices<IInterceptor>()]),
                optionsLifetime: ServiceLifetime.Singleton);
            services.AddScoped<LiaisonDbContext>(sp => WithIndexWriter(sp, sp.GetRequiredService<SqliteLiaisonDbContext>()));
        }
    }

    private static LiaisonDbContext WithIndexWriter(IServiceProvider services, LiaisonDbContext db)
    {
        db.IndexWriter ??= services.GetRequiredService<ContentIndexWriter>();
        db.AfterCommitWork ??= services.GetRequiredService<AfterCommitWork>();
        services.GetRequiredService<UnitOfWorkSlot>().Db = db;
        return db;
    }
}
