using Liaison.Contacts.Contracts;
using Liaison.Contacts.Parts;
using Liaison.Contacts.Security;
using Liaison.Organization.Contracts;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Liaison.Contacts.Admin;

/// <summary>One contact assignment as a record: who contacts whom, the notes, and the phone number once revealed.</summary>
public sealed record ContactRecordViewModel(ContactRow Row, string? Notes, bool CanEdit, bool CanReveal, string? Phone, bool Revealed);

public sealed record ContactListViewModel(
    ContactListFilter Filter, IReadOnlyList<ContactRow> Rows, Pager Pager, IReadOnlyList<MemberChoice> Members,
    IReadOnlyList<(string Id, string Name)> Branches, bool CanEdit, bool CanExportSensitive);

/// <summary>
/// 联系对象: the assignments the user may see, filtered, with an .xlsx export. Anyone with the admin may open it; the
/// query shows a member their own, a secretary their branch and the committee all. Names of people in the
/// sensitive categories are not listed: opening the item shows them and writes the access log.
/// </summary>
[Admin]
[Route("admin/contacts")]
public sealed class ContactsAdminController(
    ContactListQuery query,
    IRosterQueries roster,
    SensitiveRecordExport exportRule,
    SensitiveRecordLog log,
    ContactCategoryText categories,
    LiaisonDbContext db,
    ISchoolClock clock,
    IContentManager contents,
    IPermissionService permissions,
    IAccessLogWriter accessLog,
    IStringLocalizer<ContactsAdminController> S) : Controller
{
    private const int PageSize = 30;

    [HttpGet("")]
    [RequirePermission("Admin.Access")]
    public async Task<IActionResult> Index([FromQuery] ContactListFilter filter)
    {
        var rows = await query.QueryAsync(User, filter);
        var (page, _) = Pager.Normalize(filter.Page, PageSize);
        var pager = new Pager(page, PageSize, await rows.CountAsync());
        var list = await rows.Skip(pager.Skip).Take(PageSize).ToListAsync();
        var (members, branches) = await query.ChoicesAsync(User);
        var scope = await roster.ScopeAsync(User);
        return View(new ContactListViewModel(filter, list, pager, members, branches, scope.ManagesAnyBranch,
            await exportRule.MayExportSensitiveAsync(User)));
    }

    /// <summary>
    /// One assignment in the admin theme, inside 联系对象: only one the user may see (the list's scoped query — a member
    /// their own, a secretary their branch, the committee all), otherwise 404. Opening a sensitive one is logged.
    /// </summary>
    [HttpGet("{id}")]
    [RequirePermission("Admin.Access")]
    public async Task<IActionResult> Details(string id)
    {
        if (await FindAsync(id) is not { } row)
        {
            return NotFound();
        }

        await log.AddAndSaveAsync(db, User, [row.ToPart().Record(row.ContentItemId)], AccessActions.ViewContact, "admin");
        return await RecordAsync(row, phone: null, revealed: false);
    }

    /// <summary>
    /// The full phone number of the person this assignment is about: for the member whose contact it is (SPEC R1: a
    /// member reaches their own contact targets), or for someone who sees the assignment and may reveal personal data
    /// (Organization.RevealPersonalData); anyone else is refused. Logged like every reveal.
    /// </summary>
    [HttpPost("{id}/reveal-phone")]
    [RequirePermission("Admin.Access")]
    public async Task<IActionResult> RevealPhone(string id)
    {
        if (await FindAsync(id) is not { } row)
        {
            return NotFound();
        }

        if (!await MayRevealAsync(row))
        {
            return Forbid();
        }

        var phone = await roster.RevealPersonPhoneAsync(row.PersonId);
        accessLog.Add(User, AccessActions.RevealPhone, row.PersonId, row.PersonName, row.BranchId, row.Category, row.ContentItemId, "contacts");
        await db.SaveChangesAsync();
        return await RecordAsync(row, phone, revealed: true);
    }

    private async Task<bool> MayRevealAsync(ContactRow row)
        => (await roster.ScopeAsync(User)).Member?.Id == row.MemberId
           || await permissions.HasPermissionAsync(User, "Organization.RevealPersonalData");

    private async Task<ContactRow?> FindAsync(string id)
        => await (await query.QueryAsync(User, new ContactListFilter(), contentItemId: id)).FirstOrDefaultAsync();

    private async Task<IActionResult> RecordAsync(ContactRow row, string? phone, bool revealed)
    {
        var item = await contents.GetAsync(row.ContentItemId, VersionOptions.Latest);
        var scope = await roster.ScopeAsync(User);
        return View("Details", new ContactRecordViewModel(row, item?.As<ContactPart>().Notes, scope.ManagesBranch(row.BranchId),
            await MayRevealAsync(row), phone, revealed));
    }

    /// <summary>The filtered list as a spreadsheet; sensitive rows only with Contacts.ExportSensitive, and logged.</summary>
    [HttpGet("export")]
    [RequirePermission("Admin.Access")]
    public async Task<IActionResult> Export([FromQuery] ContactListFilter filter)
    {
        var rows = await (await query.QueryAsync(User, filter)).ToListAsync();
        if (!await exportRule.MayExportSensitiveAsync(User))
        {
            rows = [.. rows.Where(r => !r.Sensitive)];
        }

        await log.AddAndSaveAsync(db, User, rows.Select(r => r.ToPart().Record(r.ContentItemId)), AccessActions.Export, "xlsx");

        var sheet = rows.Select(r => new Dictionary<string, object?>
        {
            [S["Member number"]] = r.MemberNumber,
            [S["Member"]] = r.MemberName,
            [S["Party branch"]] = r.BranchName,
            [S["Person number"]] = r.PersonNumber,
            [S["Person to contact"]] = r.PersonName,
            [S["Staff or student"]] = r.PersonKind == PersonKind.Student ? S["Student"].Value : S["Staff member"].Value,
            [S["Category"]] = categories.Name(r.Category),
            [S["Start date"]] = r.StartDate?.ToString("yyyy-MM-dd"),
            [S["End date"]] = r.EndDate?.ToString("yyyy-MM-dd"),
        }).ToList();
        var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheet, sheetName: S["Contacts"], excelType: ExcelType.XLSX);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"contacts-{ContactDates.Today(clock):yyyy-MM-dd}.xlsx");
    }
}
