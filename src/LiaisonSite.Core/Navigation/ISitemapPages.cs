namespace LiaisonSite.Core.Navigation;

/// <summary>
/// Public pages of a module that are not content items (a module's public list, e.g. /reception): the sitemap lists
/// them beside the published items, so the module that owns a page names it and the sitemap need not know it.
/// </summary>
public interface ISitemapPages
{
    IEnumerable<string> Paths { get; }
}
