using Liaison.ContentParts.Autoroute;
using Liaison.Contents.Services;
using LiaisonSite.Core.Navigation;

namespace Liaison.Publicity.Feeds;

public sealed record SitemapEntry(string Path, DateTime? LastModifiedUtc);

/// <summary>
/// The addresses of the sitemap: the public list pages and every published item of a public type (routable and
/// readable by the public, the rule of <see cref="ContentQueries.PublicTypesAsync"/>). Drafts have no published index row.
/// </summary>
public sealed class SitemapQuery(IContentRouting routing, ContentQueries contents, IEnumerable<ISitemapPages> modulePages)
{
    /// <summary>The sitemap protocol's limit for one file.</summary>
    public const int MaxUrls = 50_000;

    public static readonly string[] ListPages = ["/", "/examples", "/news", "/members/exemplary", "/notices"];

    public async Task<IReadOnlyList<SitemapEntry>> ListAsync()
    {
        var publicTypes = await contents.PublicTypesAsync();
        var lists = ListPages.Concat(modulePages.SelectMany(m => m.Paths)).Distinct().ToList();
        var items = await routing.PublishedPathsAsync(publicTypes, MaxUrls - lists.Count);
        var entries = items.Select(x => new SitemapEntry(x.Path, Later(x.ModifiedUtc, x.PublishedUtc))).ToList();
        var newest = entries.Max(e => e.LastModifiedUtc);
        return [.. lists.Select(p => new SitemapEntry(p, newest)), .. entries];
    }

    private static DateTime? Later(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : (a > b ? a : b);
}
