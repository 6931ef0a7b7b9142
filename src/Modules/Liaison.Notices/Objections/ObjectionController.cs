using System.Globalization;
using Liaison.ContentParts.Autoroute;
using LiaisonSite.Core.ContentManagement;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Liaison.Notices.Data;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Notices.Objections;

public sealed record ObjectionFormViewModel(ContentItem Notice, string? NoticeUrl, ObjectionInput Input, bool Open);

public sealed record ObjectionReceivedViewModel(string Reference, string NoticeTitle, string? NoticeUrl);

/// <summary>What the holder of a receipt may read: the notice, when it arrived, and the branch's answer — nothing about who sent it.</summary>
public sealed record ObjectionReceiptViewModel(
    string Receipt, string NoticeTitle, string? NoticeUrl, DateTime ReceivedUtc, bool Answered, string? Answer, DateTime? AnsweredUtc);

/// <summary>Takes objections to public notices from anyone, within limits (antiforgery, honeypot, rate limit).</summary>
[AllowAnonymous]
public sealed class ObjectionController(
    ObjectionService objections,
    IContentManager contents,
    LiaisonDbContext db,
    IStringLocalizer<ObjectionController> S) : Controller
{
    private const string ReferenceKey = "ObjectionReference";
    private const string NoticeKey = "ObjectionNotice";

    [HttpPost("/notice-objections/{noticeId}")]
    public async Task<IActionResult> Submit(
        string noticeId,
        [FromForm(Name = "Objection")] ObjectionInput input,
        [FromServices] ObjectionThrottle throttle,
        [FromServices] IRequestLimits limits)
    {
        // Model binding errors (e.g. a malformed checkbox) are replaced by the service's own checks.
        ModelState.Clear();
        if (await throttle.TryAcquireAsync(HttpContext, limits) is { } retryAfter)
        {
            // Refused in the page's own style, with what was typed kept, so nothing is lost.
            var limited = await contents.GetAsync(noticeId);
            if (limited is null)
            {
                return NotFound();
            }

            ModelState.AddModelError("", S["You have sent too many objections in a short time. Please try again in a few minutes: what you wrote is kept below."]);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return View("Form", new ObjectionFormViewModel(limited, limited.GetUrlPath(), input, Open: true));
        }

        var result = await objections.SubmitAsync(noticeId, input);
        switch (result.Outcome)
        {
            case ObjectionOutcome.NotFound:
                return NotFound();
            case ObjectionOutcome.Stored:
                TempData[ReferenceKey] = result.Objection!.Receipt;
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

    /// <summary>
    /// The objector reads the branch's answer with their receipt. A receipt that is not one (or not stored) is a 404,
    /// like any unknown address; the page never shows the sender's name, contact or text, nor other objections.
    /// </summary>
    [HttpGet("/notices/objections/{receipt}")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Receipt(string receipt)
    {
        if (ObjectionService.NormalizeReceipt(receipt) is not { } code)
        {
            return NotFound();
        }

        var objection = await db.Set<Objection>().AsNoTracking()
            .Where(o => o.Receipt == code)
            .Select(o => new { o.NoticeContentItemId, o.CreatedUtc, o.Status, o.Answer, o.AnsweredUtc })
            .FirstOrDefaultAsync(HttpContext.RequestAborted);
        if (objection is null)
        {
            return NotFound();
        }

        var notice = await contents.GetAsync(objection.NoticeContentItemId);
        var answered = objection.Status == ObjectionStatus.Answered;
        return View(new ObjectionReceiptViewModel(
            code, notice?.DisplayText ?? "", notice?.GetUrlPath(), objection.CreatedUtc,
            answered, answered ? objection.Answer : null, answered ? objection.AnsweredUtc : null));
    }
}

public sealed record ObjectionFormModel(string NoticeId, ObjectionInput Input);
