using System.Security.Claims;

namespace LiaisonSite.Core.ContentManagement;

/// <summary>
/// Decides which content items may leave the site in an export (a recipe, a spreadsheet): a module whose items
/// carry personal data drops what the exporting user may not take away, and records what they do. Exports fail
/// closed: the items of a Securable type the public may not read, or of a type governed by an access scope, are exported only when a filter
/// names the type in <see cref="ContentTypes"/>; without one they are refused, never exported in full.
/// </summary>
public interface IContentExportFilter
{
    /// <summary>The content types (canonical names) this filter decides for.</summary>
    IReadOnlyCollection<string> ContentTypes { get; }

    /// <summary>The items of <paramref name="items"/> the user may export, in the same order.</summary>
    Task<IReadOnlyList<ContentItem>> FilterAsync(ClaimsPrincipal? user, IReadOnlyList<ContentItem> items, CancellationToken cancellationToken);
}
