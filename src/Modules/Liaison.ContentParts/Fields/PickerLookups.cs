using Liaison.ContentParts.Autoroute;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.ContentParts.Fields;

public sealed record PickedItem(string Id, string Name, string? Url = null);

/// <summary>Loads what the picker views show: linked items by title, users by name (never by email).</summary>
internal sealed class PickerLookups(LiaisonDbContext db, IContentRouting routing, IContentDefinitionManager definitions)
{
    private const int MaxCandidates = 500;

    /// <summary>The published items among <paramref name="ids"/>, in the stored order; drafts are not shown.</summary>
    public async Task<IReadOnlyList<PickedItem>> PublishedItemsAsync(IReadOnlyCollection<string> ids)
    {
        var items = await db.ContentItems.AsNoTracking()
            .Where(c => c.Published && ids.Contains(c.ContentItemId))
            .Select(c => new { c.ContentItemId, c.DisplayText })
            .ToDictionaryAsync(c => c.ContentItemId, c => c.DisplayText);
        var urls = await routing.GetPathsAsync(ids);
        return [.. ids.Where(items.ContainsKey).Select(id => new PickedItem(id, items[id], urls.GetValueOrDefault(id)))];
    }

    /// <summary>The items an editor may pick: latest versions of the field's types (all listable types when none are set).</summary>
    public async Task<IReadOnlyList<PickedItem>> CandidateItemsAsync(IReadOnlyCollection<string> types)
    {
        var allowed = types.Count > 0
            ? types.ToList()
            : (await definitions.ListTypesAsync()).Where(t => t.TypeSettings.Listable).Select(t => t.Name).ToList();
        return await db.ContentItems.AsNoTracking()
            .Where(c => c.Latest && allowed.Contains(c.ContentType))
            .OrderByDescending(c => c.ModifiedUtc)
            .Take(MaxCandidates)
            .Select(c => new PickedItem(c.ContentItemId, c.DisplayText, null))
            .ToListAsync();
    }

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
