using System.Security.Claims;

namespace LiaisonSite.Core.ContentManagement;

/// <summary>
/// Actions another module offers on a content item's admin editor — e.g. Reports' "start a typical example" on a talk,
/// a forum or an approved report (R11). A provider returns only the actions this user may take on this item; the
/// action's own endpoint checks again. Shown next to the item's history link.
/// </summary>
public interface IContentItemActions
{
    Task<IReadOnlyList<ContentItemAction>> ActionsAsync(ContentItem item, ClaimsPrincipal user);
}

/// <summary>
/// An action: a link (<see cref="PostFields"/> null) or a small POST form with these hidden fields and an antiforgery
/// token; <see cref="Hint"/> is its title text.
/// </summary>
public sealed record ContentItemAction(string Label, string Url, IReadOnlyDictionary<string, string>? PostFields = null, string? Hint = null);
