using Liaison.Reports.Admin;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Liaison.Reports.Scores;

public sealed record ScoresIndexModel(
    int Year, string? BranchId, bool? Passed, IReadOnlyList<int> Years, IReadOnlyList<BranchChoice> Branches, ScoreRule Rule,
    IReadOnlyList<ScoreRow> Rows, string? Error);

/// <summary>
/// /admin/reports/scores: the yearly liaison score (R12) of every member the user manages (the committee all branches,
/// a secretary their own; Reports.Inspect, so members are refused), with the rule above the table and in the export;
/// filter by year, branch and "meets the liaison condition" (the list prepared for awards and promotion); .xlsx.
/// </summary>
[Admin]
[Route("admin/reports/scores")]
internal sealed class ScoresAdminController(
    ScoreService scores, BranchReports branches, ScoreText text, ISchoolClock clock, IStringLocalizer<ScoresAdminController> S) : Controller
{
    [HttpGet("")]
    [RequirePermission("Reports.Inspect")]
    public async Task<IActionResult> Index(string? year, string? branch, bool? passed)
    {
        var (y, error) = YearOrDefault(year);
        var (branchId, choices) = await BranchAsync(branch);
        var rows = await scores.RowsAsync(User, y, branchId, HttpContext.RequestAborted);
        return View(new ScoresIndexModel(y, branchId, passed, Years(), choices, await scores.RuleAsync(),
            [.. rows.Where(r => passed is null || r.Score.Passed == passed)], error));
    }

    [HttpGet("export")]
    [RequirePermission("Reports.Inspect")]
    public async Task<IActionResult> Export(string? year, string? branch, bool? passed)
    {
        var (y, error) = YearOrDefault(year);
        if (error is not null)
        {
            return BadRequest(error);
        }

        var (branchId, _) = await BranchAsync(branch);
        var rule = await scores.RuleAsync();
        var rows = (await scores.RowsAsync(User, y, branchId, HttpContext.RequestAborted)).Where(r => passed is null || r.Score.Passed == passed);
        var sheet = rows.Select(r =>
        {
            var row = new Dictionary<string, object?>
            {
                [S["Year"]] = y,
                [S["Party branch"]] = r.BranchName,
                [S["Member number"]] = r.Number,
                [S["Member"]] = r.Name,
            };
            foreach (var item in r.Score.Items)
            {
                row[text.Item(item.Key)] = item.Count;
                row[S["{0} (points)", text.Item(item.Key)].Value] = item.Points;
            }

            row[S["Score"]] = r.Score.Total;
            row[S["Liaison condition"]] = text.Passed(r.Score.Passed);
            row[S["Rule"]] = text.Describe(rule);
            return row;
        }).ToList();
        var ruleSheet = ScoreRule.Keys.Select(k => new Dictionary<string, object?>
        {
            [S["Item"]] = text.Item(k),
            [S["Points per unit"]] = rule.Item(k).Weight,
            [S["At most"]] = rule.Item(k).Cap,
        }).Append(new Dictionary<string, object?> { [S["Item"]] = S["Pass line"].Value, [S["Points per unit"]] = null, [S["At most"]] = rule.PassLine })
            .ToList();
        var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, new Dictionary<string, object> { [S["Scores"]] = sheet, [S["Rule"]] = ruleSheet }, excelType: ExcelType.XLSX);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"liaison-scores-{y}.xlsx");
    }

    private async Task<(string? Id, IReadOnlyList<BranchChoice> Choices)> BranchAsync(string? branch)
    {
        var choices = await branches.BranchesAsync(User);
        return (choices.Any(b => b.Id == branch) ? branch : null, choices);
    }

    private (int Year, string? Error) YearOrDefault(string? year)
    {
        var current = clock.Today.Year;
        if (string.IsNullOrEmpty(year))
        {
            return (current - 1, null);
        }

        return int.TryParse(year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) && y >= 2000 && y <= current
            ? (y, null)
            : (current - 1, S["Choose a year from 2000 to {0}.", current]);
    }

    private List<int> Years() => [.. Enumerable.Range(0, 5).Select(i => clock.Today.Year - i)];
}
