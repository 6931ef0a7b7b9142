using LiaisonSite.Core.Security;
using LiaisonSite.Core.Settings;
using Microsoft.AspNetCore.Http;

namespace Liaison.ContentParts.Home;

/// <summary>
/// Who may make an item the site's home page from its editor or the API (Orchard's "set as home page" option):
/// whoever may change the site's settings, since "/" is the site's. A recipe run and work without a request (setup,
/// the command line, background jobs) act as the system.
/// </summary>
internal sealed class HomepageChoice(IHttpContextAccessor http, IPermissionService permissions, ISiteService site)
{
    /// <summary>Liaison.Admin's Settings.Manage (its Permissions.ManageSettings), a module this one does not reference.</summary>
    internal const string Permission = "Settings.Manage";

    /// <summary>True when the work runs for a request (a person, signed in or not), not for the system.</summary>
    public bool ForRequest => http.HttpContext is not null;

    public async Task<bool> MayChooseAsync()
        => http.HttpContext?.User is { Identity.IsAuthenticated: true } user && await permissions.HasPermissionAsync(user, Permission);

    public async Task<bool> IsHomeAsync(string contentItemId)
        => (await site.GetSettingsAsync()).HomeContentItemId == contentItemId;
}
