using System.Security.Claims;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace Liaison.Reports.Examples;

/// <summary>
/// R11 on the item itself: a talk, a forum or an approved report opened in the admin editor offers "start a typical
/// example" to those who may start one (Reports.Inspect: secretaries and the committee). The POST goes to
/// /admin/reports/examples, which checks the item's visibility again and lands in the new draft's editor.
/// </summary>
internal sealed class TypicalExampleActions(IPermissionService permissions, IHttpContextAccessor http, IStringLocalizer<TypicalExampleActions> S)
    : IContentItemActions
{
    public async Task<IReadOnlyList<ContentItemAction>> ActionsAsync(ContentItem item, ClaimsPrincipal user)
    {
        var source = TypicalExampleStarter.Sources.FirstOrDefault(s => s.Value == item.ContentType).Key;
        if (source is null
            || (source == "report" && !item.Published) // a report only once approved
            || !await permissions.HasPermissionAsync(user, Permissions.Inspect))
        {
            return [];
        }

        var request = http.HttpContext?.Request;
        var back = request is null ? $"/admin/contents/{item.ContentItemId}/edit" : request.Path + request.QueryString;
        return [new ContentItemAction(S["Start a typical example"], "/admin/reports/examples",
            new Dictionary<string, string> { ["source"] = source, ["id"] = item.ContentItemId, ["returnUrl"] = back },
            S["A TypicalExample draft pre-filled from this item, with the contact targets' personal data removed; it then goes to review."])];
    }
}
