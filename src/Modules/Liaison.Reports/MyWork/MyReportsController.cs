using Liaison.Organization.Contracts;
using Liaison.Reports.Data;
using Liaison.Reports.Figures;
using Liaison.Reports.Parts;
using Liaison.Reports.Security;
using Liaison.Workflows.Contracts;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Time;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Reports.MyWork;

public sealed record MyReportModel(
    string? ContentItemId, QuarterlyReportPart Part, ReportStatus? Status, bool Editable, IReadOnlyList<string> Quarters,
    IReadOnlyList<ContentReviewStep> Journal, IReadOnlyList<ContentValidationError> Errors);

/// <summary>
/// The member's quarterly report from 我的联系工作 (one column, phone width): the figures of the quarter, live until it
/// is handed in and frozen then; the narrative; where it stands and its journal. One form, two buttons: 保存草稿 keeps a
/// draft (in nobody's inbox, editable), 提交审核 hands it in (<c>handIn=1</c>), which the workflow sends to the branch
/// secretary. The member is always the signed-in user's member row. A report waiting for review or approved is shown
/// read-only.
/// </summary>
[Admin]
[Route("admin/my-work/reports")]
internal sealed class MyReportsController(
    IRosterQueries roster, IContentManager contents, LiaisonDbContext db, ISchoolClock clock, ReportFiguresService figures,
    ReportStates states, IContentReviews reviews, IStringLocalizer<MyReportsController> S) : Controller
{
    private const string Prefix = nameof(QuarterlyReportPart);

    [HttpGet("new")]
    [RequirePermission("Admin.Access")]
    public async Task<IActionResult> New(string? quarter)
    {
        var member = (await roster.ScopeAsync(User)).Member;
        if (member is null)
        {
            return NotFound();
        }

        var key = Quarters.Parse(quarter)?.Key ?? clock.Quarter.Key;
        var existing = await db.Set<QuarterlyReportIndex>().Where(r => r.Latest && r.MemberId == member.Id && r.Quarter == key)
            .Select(r => r.ContentItemId).FirstOrDefaultAsync();
        if (existing is not null)
        {
            return Redirect($"/admin/my-work/reports/{existing}");
        }

        var part = new QuarterlyReportPart { MemberId = member.Id, Quarter = key };
        await FillLiveFiguresAsync(part);
        return View("Report", new MyReportModel(null, part, null, true, Choices(), [], []));
    }

    [HttpPost("new")]
    [RequirePermission("Admin.Access")]
    public async Task<IActionResult> Create()
    {
        var member = (await roster.ScopeAsync(User)).Member;
        if (member is null)
        {
            return NotFound();
        }

        var item = await contents.NewAsync(ReportAccessScope.ContentType);
        var part = new QuarterlyReportPart { MemberId = member.Id };
        ReportForm.Read(Request.Form, Prefix, part);
        var handIn = HandIn();
        Apply(item, part, handIn);
        try
        {
            await contents.CreateAsync(item, VersionOptions.Draft);
            await db.SaveChangesAsync();
            TempData.Success(handIn ? S["The report is handed in to your branch secretary."] : S["The draft is saved. Hand it in when it is complete."]);
            return Redirect($"/admin/my-work/reports/{item.ContentItemId}");
        }
        catch (ContentValidationException e)
        {
            db.ChangeTracker.Clear();
            await FillLiveFiguresAsync(part);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Report", new MyReportModel(null, part, null, true, Choices(), [], e.Errors));
        }
    }

    [HttpGet("{id}")]
    [RequirePermission("Admin.Access")]
    public async Task<IActionResult> Show(string id)
    {
        var (item, status) = await OwnAsync(id);
        if (item is null || status is null)
        {
            return NotFound();
        }

        var part = item.As<QuarterlyReportPart>();
        if (status.Editable)
        {
            await FillLiveFiguresAsync(part); // a draft or returned: the figures are live until handed in
        }

        return View("Report", new MyReportModel(id, part, status, status.Editable, Choices(),
            await reviews.JournalAsync(id, HttpContext.RequestAborted), []));
    }

    /// <summary>Saves the draft, or hands it in (<c>handIn=1</c>); refused (validation) while waiting for review or approved.</summary>
    [HttpPost("{id}")]
    [RequirePermission("Admin.Access")]
    public async Task<IActionResult> Save(string id)
    {
        var (latest, status) = await OwnAsync(id);
        if (latest is null || status is null)
        {
            return NotFound();
        }

        var item = (await contents.GetAsync(id, VersionOptions.DraftRequired))!;
        var part = item.As<QuarterlyReportPart>();
        ReportForm.Read(Request.Form, Prefix, part, readQuarter: false);
        var handIn = HandIn();
        Apply(item, part, handIn);
        try
        {
            await contents.UpdateAsync(item);
            await db.SaveChangesAsync();
            TempData.Success(handIn
                ? status.State == ReportState.Returned ? S["The revised report is handed in again."] : S["The report is handed in to your branch secretary."]
                : S["The draft is saved. Hand it in when it is complete."]);
            return Redirect($"/admin/my-work/reports/{id}");
        }
        catch (ContentValidationException e)
        {
            db.ChangeTracker.Clear();
            await FillLiveFiguresAsync(part);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Report", new MyReportModel(id, part, status, status.Editable, Choices(),
                await reviews.JournalAsync(id, HttpContext.RequestAborted), e.Errors));
        }
    }

    private bool HandIn() => Request.Form.TryGetValue("handIn", out var value) && value.ToString() == "1";

    private static void Apply(ContentItem item, QuarterlyReportPart part, bool handIn)
    {
        item.Apply(part);
        if (handIn && item.Content[Prefix] is System.Text.Json.Nodes.JsonObject json)
        {
            json[QuarterlyReportPartHandler.HandInFlag] = true;
        }
    }

    /// <summary>The signed-in member's own report (latest version) and its state; anyone else's is not found.</summary>
    private async Task<(ContentItem? Item, ReportStatus? Status)> OwnAsync(string id)
    {
        var member = (await roster.ScopeAsync(User)).Member;
        var row = member is null ? null : await db.Set<QuarterlyReportIndex>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.Latest && r.ContentItemId == id && r.MemberId == member.Id);
        if (row is null)
        {
            return (null, null);
        }

        var item = await contents.GetAsync(id, VersionOptions.Latest);
        var status = (await states.OfAsync([new ReportKey(id, row.Published, row.HandIns)], HttpContext.RequestAborted))[id];
        return (item, status);
    }

    private async Task FillLiveFiguresAsync(QuarterlyReportPart part)
    {
        if (Quarters.Parse(part.Quarter) is { } quarter)
        {
            part.Figures = await figures.ForMemberAsync(part.MemberId, quarter.Start, quarter.End, HttpContext.RequestAborted);
        }
    }

    private IReadOnlyList<string> Choices() => Quarters.Recent(clock.Today, 4);
}
