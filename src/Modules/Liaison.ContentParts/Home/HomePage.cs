using Liaison.ContentParts.Autoroute;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace Liaison.ContentParts.Home;

/// <summary>
/// The content item the site serves at "/" (Orchard's home route): the one <see cref="SiteSettings.HomeContentItemId"/>
/// names, while it is published and has a public address. Otherwise "/" is the school's own home page.
/// </summary>
public interface IHomePage
{
    /// <summary>The home item's published version, or null when "/" is the school's home page.</summary>
    Task<ContentItem?> FindPublishedAsync();
}

internal sealed class HomePage(ISiteService site, IContentRouting routing, LiaisonDbContext db) : IHomePage
{
    public async Task<ContentItem?> FindPublishedAsync()
    {
        if ((await site.GetSettingsAsync()).HomeContentItemId is not { Length: > 0 } id)
        {
            return null;
        }

        // The same rule as the item's own address: published, of a public type, not for signed-in users only. An item
        // unpublished, removed or made private since it was chosen gives "/" back to the school's home page.
        if (!(await routing.GetPathsAsync([id])).ContainsKey(id))
        {
            return null;
        }

        return await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(c => c.ContentItemId == id && c.Published);
    }
}
