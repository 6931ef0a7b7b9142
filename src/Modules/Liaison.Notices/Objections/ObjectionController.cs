using Liaison.ContentParts.Autoroute;
using LiaisonSite.Core.ContentManagement;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Liaison.Notices.Objections;

public sealed record ObjectionFormViewModel(ContentItem Notice, string? NoticeUrl, ObjectionInput Input, bool Open);

public sealed record ObjectionReceivedViewModel(string Reference, string NoticeTitle, string? NoticeUrl);

/// <summary>Takes objections to public notices from anyone, within limits (antiforgery, honeypot, rate limit).</summary>
[AllowAnonymous]
public sealed class ObjectionController(ObjectionService objections, IContentManager contents) : Controller
{
    /// <summary>The per-client limit on objections (Liaison:Notices:ObjectionsPerWindow per ObjectionWindowMinutes).</summary>
    public const string RateLimit = "NoticeObjections";

    private const string ReferenceKey = "ObjectionReference";
    private const string NoticeKey = "ObjectionNotice";

    [HttpPost("/notice-objections/{noticeId}")]
    [EnableRateLimiting(RateLimit)]
    public async Task<IActionResult> Submit(string noticeId, [FromForm(Name = "Objection")] ObjectionInput input)
    {
        // Model binding errors (e.g. a malformed checkbox) are replaced by the service's own checks.
        ModelState.Clear();
        var result = await objections.SubmitAsync(noticeId, input);
        switch (result.Outcome)
        {
            case ObjectionOutcome.NotFound:
                return NotFound();
            case ObjectionOutcome.Stored:
                TempData[ReferenceKey] = result.Objection!.Reference;
                TempData[NoticeKey] = noticeId;
                return Redirect("/notice-objections/received");
        }

        var notice = (await contents.GetAsync(noticeId))!;
        foreach (var (key, message) in result.Errors ?? new Dictionary<string, string>())
        {
            ModelState.AddModelError(key.Length == 0 ? "" : "Objection." + key, message);
        }

        var open = result.Outcome != ObjectionOutcome.NotOpen;
        Response.StatusCode = open ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        return View("Form", new ObjectionFormViewModel(notice, notice.GetUrlPath(), input, open));
    }

    [HttpGet("/notice-objections/received")]
    public async Task<IActionResult> Received()
    {
        if (TempData[ReferenceKey] is not string reference || TempData[NoticeKey] is not string noticeId)
        {
            return Redirect("/notices");
        }

        var notice = await contents.GetAsync(noticeId);
        return View(new ObjectionReceivedViewModel(reference, notice?.DisplayText ?? "", notice?.GetUrlPath()));
    }
}

public sealed record ObjectionFormModel(string NoticeId, ObjectionInput Input);
