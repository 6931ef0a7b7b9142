using System.Security.Claims;
using Liaison.ContentParts.Autoroute;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Liaison.ContentParts.Fields;

public sealed record PickedItem(string Id, string Name, string? Url = null);

/// <summary>
/// Loads what the picker views show: linked items by title, users by name (never by email). An item is shown only
/// when it is of a type the field allows and the viewer may see it (<see cref="IContentVisibility"/>): an id that
/// points elsewhere (a contact's id in a branch picker) shows nothing, not even its title.
/// </summary>
internal sealed class PickerLookups(
    LiaisonDbContext db, IContentRouting routing, IContentDefinitionManager definitions, IContentTypeResolver types,
    IContentVisibility visibility, IHttpContextAccessor httpContextAccessor)
{
    private const int MaxCandidates = 500;

    private ClaimsPrincipal Viewer => httpContextAccessor.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());

    /// <summary>The published items among <paramref name="ids"/> the viewer may see, of the field's types, in the stored order.</summary>
    public async Task<IReadOnlyList<PickedItem>> PublishedItemsAsync(IReadOnlyCollection<string> ids, IReadOnlyCollection<string> fieldTypes)
    {
        var allowed = await AllowedTypesAsync(fieldTypes);
        var items = await (await visibility.VisibleAsync(Viewer, latest: false))
            .Where(c => c.Published && ids.Contains(c.ContentItemId) && allowed.Contains(c.ContentType))
            .Select(c => new { c.ContentItemId, c.DisplayText })
            .ToDictionaryAsync(c => c.ContentItemId, c => c.DisplayText);
        var urls = await routing.GetPathsAsync([.. items.Keys]);
        return [.. ids.Where(items.ContainsKey).Select(id => new PickedItem(id, items[id], urls.GetValueOrDefault(id)))];
    }

    /// <summary>The items an editor may pick: latest versions of the field's types that the editor may see.</summary>
    public async Task<IReadOnlyList<PickedItem>> CandidateItemsAsync(IReadOnlyCollection<string> fieldTypes)
    {
        var allowed = await AllowedTypesAsync(fieldTypes);
        return await (await visibility.VisibleAsync(Viewer, latest: true))
            .Where(c => allowed.Contains(c.ContentType))
            .OrderByDescending(c => c.ModifiedUtc)
            .Take(MaxCandidates)
            .Select(c => new PickedItem(c.ContentItemId, c.DisplayText, null))
            .ToListAsync();
    }

    /// <summary>
    /// The ids among <paramref name="ids"/> that belong to items of other types than the field's: refused on save,
    /// whoever saves (editor, API, recipe), so a picker can never be made to point at a contact. An id of no item
    /// at all is let through (a recipe may create the target later); it shows nothing.
    /// </summary>
    public async Task<IReadOnlyList<string>> OfOtherTypesAsync(IReadOnlyCollection<string> ids, IReadOnlyCollection<string> fieldTypes)
    {
        var allowed = await AllowedTypesAsync(fieldTypes);
        var stored = await db.ContentItems.AsNoTracking()
            .Where(c => ids.Contains(c.ContentItemId) && !allowed.Contains(c.ContentType))
            .Select(c => c.ContentItemId)
            .Distinct()
            .ToListAsync();
        var pending = db.ChangeTracker.EntriesAsTracked<ContentItem>()
            .Where(e => e.State == EntityState.Added && ids.Contains(e.Entity.ContentItemId) && !allowed.Contains(e.Entity.ContentType))
            .Select(e => e.Entity.ContentItemId);
        return [.. stored.Concat(pending).Distinct()];
    }

    /// <summary>The field's types by their canonical names; all listable types when the field names none.</summary>
    private async Task<List<string>> AllowedTypesAsync(IReadOnlyCollection<string> fieldTypes)
        => fieldTypes.Count > 0
            ? [.. await types.ResolveNamesAsync(fieldTypes)]
            : [.. (await definitions.ListTypesAsync()).Where(t => t.TypeSettings.Listable).Select(t => t.Name)];

    public async Task<IReadOnlyList<PickedItem>> UsersAsync(IReadOnlyCollection<string> ids)
    {
        var users = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id))
            .Select(u => new PickedItem(u.Id, u.DisplayName ?? u.UserName ?? "", null))
            .ToListAsync();
        return [.. ids.Select(id => users.FirstOrDefault(u => u.Id == id)).OfType<PickedItem>()];
    }

    public async Task<IReadOnlyList<PickedItem>> CandidateUsersAsync()
        => await db.Users.AsNoTracking()
            .Where(u => u.IsEnabled)
            .OrderBy(u => u.UserName)
            .Take(MaxCandidates)
            .Select(u => new PickedItem(u.Id, u.DisplayName ?? u.UserName ?? "", null))
            .ToListAsync();
}
