using Liaison.Contents.Services;
using Liaison.Search.Data;
using Liaison.Search.Indexing;
using Liaison.Search.Querying;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Search.Admin;

/// <summary>Admin search (each user sees only what they may read) and the index page with its rebuild action.</summary>
[Admin]
[Route("admin/search")]
public sealed class SearchAdminController(
    SearchService search,
    SearchStore store,
    SearchIndexer indexer,
    ContentQueries queries,
    LiaisonDbContext db,
    IStringLocalizer<SearchAdminController> S) : Controller
{
    private const int PageSize = 20;

    /// <summary>Searches every published item, then keeps only those the ContentItems query lets this user see.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, int? page)
    {
        var model = new AdminSearchViewModel { Q = q?.Trim() ?? "" };
        if (model.Q.Length > 0)
        {
            var ranked = search.RankAll(model.Q, SearchService.MaxResults);
            model.NoWords = ranked is null;
            var ids = ranked?.ToList() ?? [];
            var visible = (await queries.VisibleAsync(User, latest: false))
                .Where(c => ids.Contains(c.ContentItemId))
                .Select(c => c.ContentItemId);
            var allowed = (await visible.ToListAsync()).ToHashSet();
            var permitted = ids.Where(allowed.Contains).ToList();
            var (number, _) = Pager.Normalize(page, PageSize);
            model.Pager = new Pager(number, PageSize, permitted.Count);
            model.Hits = search.HitsFor(model.Q, [.. permitted.Skip(model.Pager.Skip).Take(PageSize)]);
        }

        return View(model);
    }

    [HttpGet("index")]
    [RequirePermission("Search.Manage")]
    public async Task<IActionResult> Status() => View(new SearchIndexViewModel(
        store.Index.DocumentCount,
        search.CountPublic(await queries.PublicTypesAsync()),
        store.Cursor,
        await db.Set<IndexingTask>().MaxAsync(t => (long?)t.Id) ?? 0,
        store.Folder));

    [HttpPost("index/rebuild")]
    [RequirePermission("Search.Manage")]
    public async Task<IActionResult> Rebuild(CancellationToken cancellationToken)
    {
        var count = await indexer.RebuildAsync(cancellationToken);
        TempData.Success(S["The search index was rebuilt from {0} published items.", count]);
        return Redirect("/admin/search/index");
    }
}

public sealed class AdminSearchViewModel
{
    public string Q { get; init; } = "";

    public bool NoWords { get; set; }

    public IReadOnlyList<SearchHit> Hits { get; set; } = [];

    public Pager Pager { get; set; } = new(1, 20, 0);
}

public sealed record SearchIndexViewModel(int Documents, int PublicDocuments, long Cursor, long LastTask, string Folder);
