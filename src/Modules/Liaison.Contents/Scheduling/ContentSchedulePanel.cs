using System.Security.Claims;
using System.Text.Json;
using Liaison.Contents.Data;
using Liaison.Contents.Security;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Display;
using LiaisonSite.Core.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Liaison.Contents.Scheduling;

/// <summary>The schedule form on an item's editor; <see cref="Errors"/> and the typed values come back after a refused post.</summary>
public sealed record ContentSchedulePanelModel(
    string ContentItemId,
    ContentSchedule? Schedule,
    string PublishAt,
    string UnpublishAt,
    IReadOnlyDictionary<string, string> Errors);

/// <summary>Shows the scheduled publication on the editor of an item the user may publish (and only then).</summary>
internal sealed class ContentSchedulePanel(
    ScheduledPublishing scheduling,
    IAuthorizationService authorization,
    IHttpContextAccessor http,
    ITempDataDictionaryFactory tempDataFactory,
    ISchoolClock clock) : IContentEditorPanel
{
    internal const string RefusedKey = "ContentSchedule.Refused";

    public async Task<DisplayResult?> BuildAsync(ContentItem item, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!(await authorization.AuthorizeAsync(user, item, ContentOperationRequirement.For(ContentOperation.Publish))).Succeeded)
        {
            return null;
        }

        var schedule = await scheduling.GetAsync(item.ContentItemId, cancellationToken);
        var publishAt = Input(schedule?.PublishUtc);
        var unpublishAt = Input(schedule?.UnpublishUtc);
        IReadOnlyDictionary<string, string> errors = new Dictionary<string, string>();
        if (http.HttpContext is { } context
            && tempDataFactory.GetTempData(context)[RefusedKey] is string json
            && JsonSerializer.Deserialize<RefusedSchedule>(json) is { } refused
            && refused.ContentItemId == item.ContentItemId)
        {
            (publishAt, unpublishAt, errors) = (refused.PublishAt, refused.UnpublishAt, refused.Errors);
        }

        return new DisplayResult("_ContentSchedule", new ContentSchedulePanelModel(item.ContentItemId, schedule, publishAt, unpublishAt, errors), Position: 100);
    }

    private string Input(DateTime? utc) => utc is { } value ? clock.ToLocal(value).ToString("yyyy-MM-ddTHH:mm") : "";
}

/// <summary>What a refused schedule post leaves in TempData for the editor it redirects to.</summary>
internal sealed record RefusedSchedule(string ContentItemId, string PublishAt, string UnpublishAt, Dictionary<string, string> Errors);
