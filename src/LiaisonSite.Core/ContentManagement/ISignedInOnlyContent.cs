using Microsoft.EntityFrameworkCore;

namespace LiaisonSite.Core.ContentManagement;

/// <summary>
/// Published items of public types that only signed-in users may read, such as a briefing for staff only (SPEC R8).
/// A module that gives its items such an audience provides the rule; the public page of such an item asks visitors to
/// sign in, and the anonymous API, the public search, the sitemap and the feeds leave it out. No rule: nothing is
/// restricted beyond the public types.
/// </summary>
public interface ISignedInOnlyContent
{
    /// <summary>The ContentItemIds of the published items anonymous visitors must not see.</summary>
    IQueryable<string> PublishedItemIds();
}

public static class SignedInOnlyContent
{
    /// <summary>The items without those only signed-in users may read.</summary>
    public static IQueryable<ContentItem> ForAnonymous(this IQueryable<ContentItem> items, IEnumerable<ISignedInOnlyContent> rules)
    {
        foreach (var rule in rules)
        {
            var hidden = rule.PublishedItemIds();
            items = items.Where(c => !hidden.Contains(c.ContentItemId));
        }

        return items;
    }

    /// <summary>Whether the published item is one only signed-in users may read.</summary>
    public static async Task<bool> IsSignedInOnlyAsync(this IEnumerable<ISignedInOnlyContent> rules, string contentItemId)
    {
        foreach (var rule in rules)
        {
            if (await rule.PublishedItemIds().AnyAsync(id => id == contentItemId))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every published item only signed-in users may read (a short list: briefings for staff only).</summary>
    public static async Task<IReadOnlyList<string>> AllAsync(this IEnumerable<ISignedInOnlyContent> rules)
    {
        var ids = new List<string>();
        foreach (var rule in rules)
        {
            ids.AddRange(await rule.PublishedItemIds().ToListAsync());
        }

        return ids;
    }
}
