using System.Security.Claims;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Modules;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Contents;

/// <summary>
/// The kernel's content services on a fresh SQLite file, without the web host: one scope is one unit of work.
/// The model includes a test index table, so it gets its own EF model cache key.
/// </summary>
internal sealed class ContentServicesFixture : IAsyncDisposable
{
    public const string Article = "Article";

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"liaison-contents-{Guid.NewGuid():N}.db");
    private readonly ServiceProvider _services;

    public ContentServicesFixture()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLocalization();
        services.AddMemoryCache();
        services.AddSingleton(new ModuleCatalog([new TestIndexModule()]));
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IHttpContextAccessor>(UserAccessor);
        services.AddDbContext<SqliteLiaisonDbContext>(o => o.UseSqlite($"Data Source={_file};Pooling=False")
            .ReplaceService<IModelCacheKeyFactory, TestModelCacheKeyFactory>());
        services.AddScoped<LiaisonDbContext>(sp =>
        {
            var db = sp.GetRequiredService<SqliteLiaisonDbContext>();
            db.IndexWriter ??= sp.GetRequiredService<ContentIndexWriter>();
            return db;
        });
        services.AddScoped<ContentIndexWriter>();
        services.AddScoped<IIndexProvider, TestIndexProvider>();
        services.AddLiaisonDocuments();
        services.AddScoped<IContentDefinitionManager, ContentDefinitionManager>();
        services.AddScoped<IContentManager, ContentManager>();
        _services = services.BuildServiceProvider();
    }

    public ManualClock Clock { get; } = new();

    public UserAccessor UserAccessor { get; } = new();

    public async Task InitializeAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        await db.Database.EnsureCreatedAsync();
        var type = new ContentTypeDefinition { Name = Article, DisplayName = "文章" };
        type.Settings.SetSettings(new ContentTypeSettings { Creatable = true, Draftable = true, Versionable = true });
        await scope.ServiceProvider.GetRequiredService<IContentDefinitionManager>().StoreTypeAsync(type);
        await db.SaveChangesAsync();
    }

    /// <summary>Runs one unit of work, like one request.</summary>
    public async Task<T> InScopeAsync<T>(Func<IContentManager, LiaisonDbContext, Task<T>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<IContentManager>(), scope.ServiceProvider.GetRequiredService<LiaisonDbContext>());
    }

    public Task InScopeAsync(Func<IContentManager, LiaisonDbContext, Task> work)
        => InScopeAsync<bool>(async (c, db) =>
        {
            await work(c, db);
            return true;
        });

    /// <summary>Creates an article titled <paramref name="title"/> as a draft or published, and returns its id.</summary>
    public Task<string> CreateArticleAsync(string title, bool publish) => InScopeAsync(async (contents, db) =>
    {
        var item = await contents.NewAsync(Article);
        item.DisplayText = title;
        await contents.CreateAsync(item, publish ? VersionOptions.Published : VersionOptions.Draft);
        await db.SaveChangesAsync();
        return item.ContentItemId;
    });

    public Task<List<ContentItem>> VersionsAsync(string id)
        => InScopeAsync(async (_, db) => await db.ContentItems.AsNoTracking().Where(c => c.ContentItemId == id).OrderBy(c => c.Id).ToListAsync());

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        File.Delete(_file);
    }
}

internal sealed class ManualClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;
}

internal sealed class UserAccessor : IHttpContextAccessor
{
    public HttpContext? HttpContext { get; set; } = SignedIn("editor1");

    public static HttpContext SignedIn(string name)
        => new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], "test")) };
}

/// <summary>An index of titles of the latest and published versions, to watch the index writer.</summary>
internal sealed class TestTitleIndex : MapIndex
{
    public string Title { get; set; } = "";

    public bool Published { get; set; }
}

internal sealed class TestIndexProvider : IndexProvider<TestTitleIndex>
{
    public override IEnumerable<TestTitleIndex> Map(ContentItem item)
        => item.Latest || item.Published ? [new TestTitleIndex { Title = item.DisplayText, Published = item.Published }] : [];
}

internal sealed class TestIndexModule : LiaisonModule
{
    public override void ConfigureModel(ModelBuilder modelBuilder) => modelBuilder.Entity<TestTitleIndex>().ToTable("TestTitleIndex");
}

internal sealed class TestModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) => (context.GetType(), "contents-tests", designTime);
}
