using System.Globalization;
using System.Text.Json;
using Liaison.Organization.Contracts;
using Liaison.Reports.Admin;
using Liaison.Reports.Data;
using Liaison.Reports.Parts;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Time;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Liaison.Reports.Inspections;

public sealed record InspectionsIndexModel(
    string HalfYear, IReadOnlyList<string> HalfYears, IReadOnlyList<BranchChoice> Branches, string? BranchId,
    IReadOnlyList<InspectionSheet> Sheets, IReadOnlyList<SavedInspectionRow> Saved, string? Error, bool AllBranches);

public sealed record SavedInspectionRow(int Id, string BranchName, string HalfYear, string SavedBy, DateTime SavedUtc);

public sealed record SavedInspectionModel(Inspection Inspection, InspectionSheet Sheet);

/// <summary>
/// /admin/inspections (R10): a branch's half-yearly inspection computed from the records, with charts; the secretary
/// records findings and rectification items and saves it, kept as it was; .xlsx export and a printable page. A
/// secretary inspects their own branch; the committee sees every branch side by side and may open each.
/// </summary>
[Admin]
[Route("admin/inspections")]
internal sealed class InspectionsAdminController(
    InspectionService inspections, BranchReports branches, IRosterQueries roster, LiaisonDbContext db, ISchoolClock clock,
    IStringLocalizer<InspectionsAdminController> S) : Controller
{
    internal static readonly JsonSerializerOptions SnapshotOptions = new() { WriteIndented = false };

    [HttpGet("")]
    [RequirePermission("Reports.Inspect")]
    public async Task<IActionResult> Index(string? branch, string? half)
    {
        var (period, error) = HalfOrDefault(half);
        var scope = await roster.ScopeAsync(User);
        var choices = await branches.BranchesAsync(User);
        var chosen = choices.FirstOrDefault(b => b.Id == branch);
        if (branch is { Length: > 0 } && chosen is null)
        {
            return NotFound();
        }

        // The committee without a branch chosen: every branch side by side. A secretary: their (first) branch.
        IReadOnlyList<BranchChoice> shown = choices.Take(1).ToList();
        if (chosen is not null)
        {
            shown = [chosen];
        }
        else if (scope.AllBranches)
        {
            shown = choices;
        }

        var sheets = (await inspections.ComputeAsync([.. shown.Select(b => (b.Id, b.Name))], period, HttpContext.RequestAborted)).ToList();

        var ids = choices.Select(b => b.Id).ToList();
        var names = choices.ToDictionary(b => b.Id, b => b.Name);
        var saved = (await db.Set<Inspection>().AsNoTracking().Where(i => ids.Contains(i.BranchId)).OrderByDescending(i => i.Id).Take(50)
                .Select(i => new { i.Id, i.BranchId, i.HalfYear, i.SavedBy, i.SavedUtc }).ToListAsync())
            .Select(i => new SavedInspectionRow(i.Id, names[i.BranchId], i.HalfYear, i.SavedBy, i.SavedUtc)).ToList();
        return View(new InspectionsIndexModel(period.Key, RecentHalfYears(), choices, chosen?.Id ?? (shown.Count == 1 ? shown[0].Id : null),
            sheets, saved, error, scope.AllBranches && chosen is null));
    }

    [HttpGet("export")]
    [RequirePermission("Reports.Inspect")]
    public async Task<IActionResult> Export(string? branch, string? half)
    {
        var (period, error) = HalfOrDefault(half);
        if (error is not null)
        {
            return BadRequest(error);
        }

        var choices = await branches.BranchesAsync(User);
        var shown = string.IsNullOrEmpty(branch) ? choices : choices.Where(b => b.Id == branch).ToList();
        if (shown.Count == 0)
        {
            return NotFound();
        }

        var sheets = (await inspections.ComputeAsync([.. shown.Select(b => (b.Id, b.Name))], period, HttpContext.RequestAborted)).ToList();

        return Xlsx(sheets, $"inspection-{period.Key}.xlsx");
    }

    [HttpPost("")]
    [RequirePermission("Reports.Inspect")]
    public async Task<IActionResult> Save(string? branch, string? half, string? findings, string? items, DateOnly? dueDate)
    {
        var period = Quarters.ParseHalfYear(half);
        var chosen = (await branches.BranchesAsync(User)).FirstOrDefault(b => b.Id == branch);
        if (chosen is null)
        {
            return NotFound();
        }

        var lines = (items ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string? problem = period is null ? S["Choose a half-year such as 2026-H2."].Value
            : findings is { Length: > Inspection.MaxFindingsLength } ? S["The findings can have at most {0} characters.", Inspection.MaxFindingsLength].Value
            : lines.Length > 50 || lines.Any(l => l.Length > RectificationItem.MaxTextLength) ? S["At most 50 rectification items of at most {0} characters each.", RectificationItem.MaxTextLength].Value
            : lines.Length > 0 && dueDate is null ? S["Give the date by which the rectification items are due."].Value
            : null;
        if (problem is not null)
        {
            TempData.Error(problem);
            return Redirect($"/admin/inspections?branch={Uri.EscapeDataString(chosen.Id)}&half={Uri.EscapeDataString(half ?? "")}");
        }

        var sheet = await inspections.ComputeAsync(chosen.Id, chosen.Name, period!, HttpContext.RequestAborted);
        var inspection = new Inspection
        {
            BranchId = chosen.Id,
            HalfYear = period!.Key,
            Snapshot = JsonSerializer.Serialize(sheet, SnapshotOptions),
            Findings = string.IsNullOrWhiteSpace(findings) ? null : findings.Trim(),
            SavedBy = User.Identity?.Name ?? "",
            SavedUtc = clock.UtcNow,
            Items = [.. lines.Select(l => new RectificationItem { BranchId = chosen.Id, Text = l, DueDate = dueDate })],
        };
        db.Add(inspection);
        await db.SaveChangesAsync();
        TempData.Success(S["The inspection is saved as it stands today."]);
        return Redirect($"/admin/inspections/{inspection.Id}");
    }

    [HttpGet("{id:int}")]
    [RequirePermission("Reports.Inspect")]
    public async Task<IActionResult> Saved(int id)
    {
        var model = await SavedAsync(id);
        return model is null ? NotFound() : View(model);
    }

    [HttpGet("{id:int}/export")]
    [RequirePermission("Reports.Inspect")]
    public async Task<IActionResult> ExportSaved(int id)
    {
        var model = await SavedAsync(id);
        return model is null ? NotFound() : Xlsx([model.Sheet], $"inspection-{model.Sheet.HalfYear}-{id}.xlsx", model.Inspection);
    }

    private async Task<SavedInspectionModel?> SavedAsync(int id)
    {
        var ids = (await branches.BranchesAsync(User)).Select(b => b.Id).ToList();
        var inspection = await db.Set<Inspection>().AsNoTracking().Include(i => i.Items).FirstOrDefaultAsync(i => i.Id == id && ids.Contains(i.BranchId));
        return inspection is null ? null
            : new SavedInspectionModel(inspection, JsonSerializer.Deserialize<InspectionSheet>(inspection.Snapshot, SnapshotOptions) ?? new InspectionSheet());
    }

    private FileStreamResult Xlsx(IReadOnlyList<InspectionSheet> sheets, string fileName, Inspection? saved = null)
    {
        var members = sheets.SelectMany(s => s.Members.Select(m => new Dictionary<string, object?>
        {
            [S["Half-year"]] = s.HalfYear,
            [S["Party branch"]] = s.BranchName,
            [S["Member number"]] = m.Number,
            [S["Member"]] = m.Name,
            [S["Contact targets"]] = m.ContactsAssigned,
            [S["Contact targets met"]] = m.ContactsCovered,
            [S["Talks held"]] = m.Talks,
            [S["Mandatory talks due"]] = m.MandatoryDue,
            [S["Mandatory talks on time"]] = m.MandatoryOnTime,
            [S["Mandatory talks overdue"]] = m.MandatoryOverdue,
            [S["Reports due"]] = m.ReportsExpected,
            [S["Reports on time"]] = m.ReportsOnTime,
            [S["Reports approved"]] = m.ReportsApproved,
            [S["Forums attended"]] = m.ForumsAttended,
            [S["Visits"]] = m.Visits,
            [S["Follow-ups closed"]] = m.FollowUpsClosed,
            [S["Follow-ups still open"]] = m.FollowUpsOpen,
        })).ToList();
        var branchRows = sheets.Select(s => new Dictionary<string, object?>
        {
            [S["Half-year"]] = s.HalfYear,
            [S["Party branch"]] = s.BranchName,
            [S["Members"]] = s.Totals.Members,
            [S["Coverage (%)"]] = s.Totals.CoveragePercent,
            [S["Talks held"]] = s.Totals.Talks,
            [S["Mandatory talks on time"]] = s.Totals.MandatoryOnTime,
            [S["Mandatory talks overdue"]] = s.Totals.MandatoryOverdue,
            [S["Reports on time"]] = s.Totals.ReportsOnTime,
            [S["Reports approved"]] = s.Totals.ReportsApproved,
            [S["Forums attended"]] = s.Totals.ForumsAttended,
            [S["Visits"]] = s.Totals.Visits,
            [S["Follow-ups closed"]] = s.Totals.FollowUpsClosed,
            [S["Overdue items"]] = s.Totals.OverdueItems,
        }).ToList();
        var workbook = new Dictionary<string, object>
        {
            [S["Branches"]] = branchRows,
            [S["Member figures"]] = members,
        };
        if (saved is not null)
        {
            workbook[S["Findings"]] = new[] { new Dictionary<string, object?> { [S["Findings"]] = saved.Findings ?? "" } }
                .Concat(saved.Items.Select(i => new Dictionary<string, object?> { [S["Findings"]] = S["Rectification: {0} (due {1})", i.Text, i.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—"].Value }))
                .ToList();
        }

        var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, workbook, excelType: ExcelType.XLSX);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName);
    }

    private (SchoolPeriod Period, string? Error) HalfOrDefault(string? half)
    {
        if (string.IsNullOrEmpty(half))
        {
            return (clock.HalfYear, null);
        }

        return Quarters.ParseHalfYear(half) is { } p ? (p, null) : (clock.HalfYear, S["Choose a half-year such as 2026-H2."]);
    }

    private List<string> RecentHalfYears()
        => [.. Enumerable.Range(0, 4).Select(i => SchoolPeriod.HalfYearOf(clock.Today.AddMonths(-6 * i)).Key)];
}
