using System.Text.Json;
using Liaison.Contents.Scheduling;
using Liaison.Contents.Security;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mvc;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Liaison.Contents.Admin;

/// <summary>
/// Sets and cancels an item's scheduled publication (SPEC R14). Only who may publish the item may schedule it. A refused
/// schedule goes back to the editor with the message next to its field and the times as typed.
/// </summary>
[Admin]
[Route("admin/contents")]
public sealed class ContentScheduleController(
    IContentManager contentManager,
    ScheduledPublishing scheduling,
    LiaisonDbContext db,
    IStringLocalizer<ContentScheduleController> S) : Controller
{
    [HttpPost("{id}/schedule")]
    [AuthorizeContent(ContentOperation.Publish)]
    public async Task<IActionResult> Schedule(string id, [FromForm] string? publishAt, [FromForm] string? unpublishAt)
    {
        var item = (await contentManager.GetAsync(id, VersionOptions.Latest))!;
        var errors = new List<ScheduleError>();
        var publish = Parse(publishAt, ScheduledPublishing.PublishField, errors);
        var unpublish = Parse(unpublishAt, ScheduledPublishing.UnpublishField, errors);
        if (errors.Count == 0)
        {
            errors.AddRange(await scheduling.ScheduleAsync(item, publish, unpublish, User.Identity?.Name ?? "", HttpContext.RequestAborted));
        }

        if (errors.Count > 0)
        {
            TempData[ContentSchedulePanel.RefusedKey] = JsonSerializer.Serialize(new RefusedSchedule(
                id, publishAt ?? "", unpublishAt ?? "",
                errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => string.Join(" ", g.Select(e => e.Message)))));
            TempData.Error(S["The schedule was not saved: correct the marked times."]);
            return RedirectToAction(nameof(ContentEditorController.Edit), "ContentEditor", new { id });
        }

        await db.SaveChangesAsync();
        TempData.Success(S["The publication of '{0}' is scheduled.", item.DisplayText]);
        return RedirectToAction(nameof(ContentEditorController.Edit), "ContentEditor", new { id });
    }

    [HttpPost("{id}/schedule/cancel")]
    [AuthorizeContent(ContentOperation.Publish)]
    public async Task<IActionResult> Cancel(string id)
    {
        var item = (await contentManager.GetAsync(id, VersionOptions.Latest))!;
        if (await scheduling.CancelAsync(id, HttpContext.RequestAborted))
        {
            await db.SaveChangesAsync();
            TempData.Success(S["The scheduled publication of '{0}' was cancelled.", item.DisplayText]);
        }

        return RedirectToAction(nameof(ContentEditorController.Edit), "ContentEditor", new { id });
    }

    /// <summary>A datetime-local value ("2026-12-01T08:30"), in school time; empty is none.</summary>
    private DateTime? Parse(string? value, string field, List<ScheduleError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateTime.TryParseExact(value.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"],
                System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed)
            && parsed.Year is >= 1900 and <= 2999)
        {
            return parsed;
        }

        errors.Add(new(field, S["Enter a date and time such as 2027-03-01 08:30."]));
        return null;
    }
}
