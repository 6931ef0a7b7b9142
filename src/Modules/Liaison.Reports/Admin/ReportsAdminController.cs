using Liaison.Reports.Data;
using Liaison.Reports.Parts;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Liaison.Reports.Admin;

public sealed record ReportsIndexModel(
    string Quarter, string? BranchId, ReportState? State, IReadOnlyList<string> Quarters, IReadOnlyList<BranchChoice> Branches,
    IReadOnlyList<MemberReportRow> Rows, string? Error);

/// <summary>
/// /admin/reports: per quarter, who of the branch has handed in, been approved, been returned, or not reported;
/// filter by branch and state; export as .xlsx. Secretaries see their branch, the committee every branch.
/// </summary>
[Admin]
[Route("admin/reports")]
internal sealed class ReportsAdminController(BranchReports reports, ReportText text, ISchoolClock clock, IStringLocalizer<ReportsAdminController> S) : Controller
{
    [HttpGet("")]
    [RequirePermission("Reports.Inspect")]
    public async Task<IActionResult> Index(string? quarter, string? branch, ReportState? state)
    {
        var (key, error) = QuarterOrDefault(quarter);
        var branches = await reports.BranchesAsync(User);
        var branchId = branches.Any(b => b.Id == branch) ? branch : null;
        var rows = await reports.RowsAsync(User, key, branchId, state, HttpContext.RequestAborted);
        return View(new ReportsIndexModel(key, branchId, state, Quarters.Recent(clock.Today, 8), branches, rows, error));
    }

    [HttpGet("export")]
    [RequirePermission("Reports.Inspect")]
    public async Task<IActionResult> Export(string? quarter, string? branch, ReportState? state)
    {
        var (key, error) = QuarterOrDefault(quarter);
        if (error is not null)
        {
            return BadRequest(error);
        }

        var branches = await reports.BranchesAsync(User);
        var branchId = branches.Any(b => b.Id == branch) ? branch : null;
        var rows = await reports.RowsAsync(User, key, branchId, state, HttpContext.RequestAborted);
        var sheet = rows.Select(r => new Dictionary<string, object?>
        {
            [S["Quarter"]] = key,
            [S["Party branch"]] = r.BranchName,
            [S["Member number"]] = r.MemberNumber,
            [S["Member"]] = r.MemberName,
            [S["State"]] = text.State(r.Status.State),
            [S["Handed in"]] = r.FirstSubmittedUtc is { } at ? clock.Format(at) : null,
            [S["Comment"]] = r.Status.Comment,
        }).ToList();
        var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheet, sheetName: S["Quarterly reports"], excelType: ExcelType.XLSX);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"reports-{key}.xlsx");
    }

    private (string Key, string? Error) QuarterOrDefault(string? quarter)
    {
        if (string.IsNullOrEmpty(quarter))
        {
            return (clock.Quarter.Key, null);
        }

        return Quarters.Parse(quarter) is { } q ? (q.Key, null) : (clock.Quarter.Key, S["Choose a quarter such as 2026-Q3."]);
    }
}
