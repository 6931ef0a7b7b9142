using Liaison.Contents.Services;
using Liaison.Search.Querying;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Search.Public;

/// <summary>The public search page: published items of public types, with highlighted snippets, filters and pages.</summary>
[AllowAnonymous]
public sealed class SearchPublicController(
    SearchService search,
    ContentQueries queries,
    IContentDefinitionManager definitions,
    IContentTypeResolver types,
    LiaisonDbContext db,
    IEnumerable<ISignedInOnlyContent> signedInOnly) : Controller
{
    public const int PageSize = 10;

    // Anonymous searches are answered from the output cache (see SearchPageCache).
    [HttpGet("/search")]
    [OutputCache(PolicyName = SearchPageCache.PolicyName)]
    public async Task<IActionResult> Index(string? q, string? type, string? branch, int? page)
    {
        // The type filter is resolved to its canonical name like every type name from outside ("typicalexample" works).
        var typeName = Blank(type) is { } given ? (await types.ResolveAsync(given))?.Name ?? given : null;
        var model = new SearchViewModel { Q = q?.Trim() ?? "", Type = typeName, Branch = Blank(branch) };
        var publicTypes = await queries.PublicTypesAsync();
        model.Types = [.. (await definitions.ListTypesAsync())
            .Where(t => publicTypes.Contains(t.Name))
            .Select(t => new SearchOption(t.Name, t.DisplayName))];
        model.Branches = await db.ContentItems.AsNoTracking()
            .Where(c => c.ContentType == "PartyBranch" && c.Published)
            .OrderBy(c => c.Id)
            .Select(c => new SearchOption(c.ContentItemId, c.DisplayText))
            .ToListAsync();

        var (number, _) = Pager.Normalize(page, PageSize);
        number = Math.Min(number, SearchService.MaxResults / PageSize);
        if (model.Q.Length > 0)
        {
            // Anonymous pages are cached; a signed-in searcher also finds what only signed-in users may read.
            var excluded = User.Identity?.IsAuthenticated == true ? null : await signedInOnly.AllAsync();
            var result = search.SearchPublic(model.Q, publicTypes, model.Type, model.Branch, (number - 1) * PageSize, PageSize, excluded);
            model.NoWords = result is null;
            model.Hits = result?.Hits ?? [];
            model.Pager = new Pager(number, PageSize, Math.Min(result?.Total ?? 0, SearchService.MaxResults));
            model.Total = result?.Total ?? 0;
        }

        return View(model);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed record SearchOption(string Value, string Text);

public sealed class SearchViewModel
{
    public string Q { get; init; } = "";

    public string? Type { get; init; }

    public string? Branch { get; init; }

    public IReadOnlyList<SearchOption> Types { get; set; } = [];

    public IReadOnlyList<SearchOption> Branches { get; set; } = [];

    /// <summary>True when the text had nothing searchable in it (only punctuation or operators).</summary>
    public bool NoWords { get; set; }

    public IReadOnlyList<SearchHit> Hits { get; set; } = [];

    public int Total { get; set; }

    public Pager Pager { get; set; } = new(1, SearchPublicController.PageSize, 0);

    public string TypeName(string type) => Types.FirstOrDefault(t => t.Value == type)?.Text ?? type;
}
