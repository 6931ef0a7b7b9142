using Liaison.ContentParts;
using Liaison.ContentParts.Autoroute;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Display;
using LiaisonSite.Core.Localization;
using LiaisonSite.Core.Modules;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace LiaisonSite.Tests.Modules.ContentParts;

/// <summary>
/// The content services with only this module, on an in-memory SQLite database: real handlers, index rows
/// and validation, without booting the web host.
/// </summary>
internal sealed class ContentPartsHarness : IAsyncDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly ServiceProvider _root;

    public ContentPartsHarness()
    {
        _connection.Open();
        var catalog = new ModuleCatalog([new ContentPartsModule()]);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMemoryCache();
        services.AddHttpContextAccessor();
        services.AddSingleton(catalog);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IStringLocalizerFactory, PoStringLocalizerFactory>();
        services.AddSingleton(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
        // Its model (one module's tables) gets a cache key of its own: with EF's default key it would be cached for
        // every SqliteLiaisonDbContext of the test process, and a site started later would find its model incomplete.
        services.AddDbContext<SqliteLiaisonDbContext>(o => o.UseSqlite(_connection)
            .ReplaceService<IModelCacheKeyFactory, HarnessModelCacheKeyFactory>());
        services.AddScoped<ContentIndexWriter>();
        services.AddScoped<LiaisonDbContext>(sp =>
        {
            var db = sp.GetRequiredService<SqliteLiaisonDbContext>();
            db.IndexWriter ??= sp.GetRequiredService<ContentIndexWriter>();
            return db;
        });
        services.AddLiaisonDocuments();
        services.AddScoped<IContentDefinitionManager, ContentDefinitionManager>();
        services.AddScoped<IContentTypeResolver, ContentTypeResolver>();
        services.AddScoped<IContentVisibility, NoContentVisible>();
        services.AddScoped<IContentManager, ContentManager>();
        services.AddScoped<IContentDisplayManager, ContentDisplayManager>();
        services.AddScoped<IContentHandler, FieldValidationHandler>();
        services.AddScoped<LiaisonSite.Core.Settings.ISiteService, LiaisonSite.Core.Settings.SiteService>();
        services.AddScoped<LiaisonSite.Core.Time.ISchoolClock, LiaisonSite.Core.Time.SchoolClock>();

        // The kernel's recipe run (no run here): ContentParts' handlers report into it when a recipe saves items.
        services.AddScoped<LiaisonSite.Core.Recipes.RecipeRun>();

        // Which types are public is decided by the Anonymous role's grants (none here: nothing is public).
        services.AddScoped<LiaisonSite.Core.Security.IPermissionService, LiaisonSite.Core.Security.PermissionService>();
        new ContentPartsModule().ConfigureServices(services, new ConfigurationBuilder().Build());
        _root = services.BuildServiceProvider();

        using var scope = _root.CreateScope();
        scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Database.EnsureCreated();
    }

    public AsyncServiceScope CreateScope() => _root.CreateAsyncScope();

    /// <summary>Defines a type with the given parts (and a part of the type's name holding <paramref name="fields"/>).</summary>
    public async Task DefineTypeAsync(string name, AutoroutePartSettings? autoroute = null, params ContentPartFieldDefinition[] fields)
    {
        await using var scope = CreateScope();
        var definitions = scope.ServiceProvider.GetRequiredService<IContentDefinitionManager>();
        await definitions.StorePartAsync(new ContentPartDefinition { Name = name, Fields = [.. fields] });
        var autoroutePart = new ContentTypePartDefinition { Name = "AutoroutePart", PartName = "AutoroutePart" };
        if (autoroute is not null)
        {
            autoroutePart.Settings.SetSettings(autoroute);
        }

        var type = new ContentTypeDefinition
        {
            Name = name,
            DisplayName = name,
            Parts =
            [
                new() { Name = "TitlePart", PartName = "TitlePart" },
                autoroutePart,
                new() { Name = name, PartName = name },
            ],
        };

        // The tests save drafts, which only a Draftable type has.
        type.Settings.SetSettings(new ContentTypeSettings { Creatable = true, Draftable = true, Versionable = true });
        await definitions.StoreTypeAsync(type);
        await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _root.DisposeAsync();
        await _connection.DisposeAsync();
    }
}

internal sealed class HarnessModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) => (context.GetType(), "contentparts-harness", designTime);
}
