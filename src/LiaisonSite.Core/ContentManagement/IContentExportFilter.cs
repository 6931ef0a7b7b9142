using System.Security.Claims;

namespace LiaisonSite.Core.ContentManagement;

/// <summary>
/// Decides which content items may leave the site in an export (a recipe, a spreadsheet): a module whose items
/// carry personal data drops what the exporting user may not take away, and records what they do.
/// </summary>
public interface IContentExportFilter
{
    /// <summary>The items of <paramref name="items"/> the user may export, in the same order.</summary>
    Task<IReadOnlyList<ContentItem>> FilterAsync(ClaimsPrincipal? user, IReadOnlyList<ContentItem> items, CancellationToken cancellationToken);
}
