using Liaison.Talks.Data;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Import;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Liaison.Talks.Obligations;

public sealed record PersonnelEventImportModel(string? Token, string? FileName, PersonnelEventPreview? Preview);

/// <summary>
/// Personnel events from the personnel office's .xlsx: upload → preview → confirm, as the roster import, with the same
/// scope as recording one event by hand (a secretary their branch, the committee all).
/// </summary>
[Admin]
[Route("admin/talks/events/import")]
public sealed class PersonnelEventImportController(
    PersonnelEventImport import, ImportUploadStore uploads, IStringLocalizer<PersonnelEventImportController> S) : Controller
{
    private const string Permission = "Talks.RecordPersonnelEvents";
    private const string Purpose = "personnel-events";

    [HttpGet("")]
    [RequirePermission(Permission)]
    public IActionResult Index() => View("Index", new PersonnelEventImportModel(null, null, null));

    [HttpGet("template")]
    [RequirePermission(Permission)]
    public IActionResult Template()
        => File(import.Template(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "五必谈人事事件模板.xlsx");

    [HttpPost("")]
    [RequirePermission(Permission)]
    [RequestSizeLimit(SpreadsheetReader.MaxBytes + 64 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = SpreadsheetReader.MaxBytes + 64 * 1024)]
    public async Task<IActionResult> Upload(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            TempData.Error(S["Choose an .xlsx or .csv file to import."]);
            return Redirect("/admin/talks/events/import");
        }

        PersonnelEventUpload upload;
        try
        {
            await using var stream = file.OpenReadStream();
            upload = await import.ReadAsync(stream, file.FileName, cancellationToken);
        }
        catch (SpreadsheetFileException e)
        {
            TempData.Error(S["The file was not imported. {0}", e.Message]);
            return Redirect("/admin/talks/events/import");
        }

        var token = await uploads.SaveAsync(Purpose, User.Identity!.Name!, upload, cancellationToken);
        return Redirect($"/admin/talks/events/import/preview/{token}");
    }

    [HttpGet("preview/{token}")]
    [RequirePermission(Permission)]
    public async Task<IActionResult> Preview(string token, CancellationToken cancellationToken)
    {
        var upload = await uploads.FindAsync<PersonnelEventUpload>(Purpose, token, User.Identity!.Name!, cancellationToken);
        if (upload is null)
        {
            TempData.Error(S["This import has expired or was already done. Upload the file again."]);
            return Redirect("/admin/talks/events/import");
        }

        return View("Index", new PersonnelEventImportModel(token, upload.FileName, await import.CheckAsync(User, upload)));
    }

    [HttpPost("preview/{token}")]
    [RequirePermission(Permission)]
    public async Task<IActionResult> Confirm(
        string token, [FromServices] ObligationService obligations, [FromServices] LiaisonDbContext db, CancellationToken cancellationToken)
    {
        var upload = await uploads.FindAsync<PersonnelEventUpload>(Purpose, token, User.Identity!.Name!, cancellationToken);
        if (upload is null)
        {
            TempData.Error(S["This import has expired or was already done. Upload the file again."]);
            return Redirect("/admin/talks/events/import");
        }

        // Checked again: the roster, the contacts or the recorded events may have changed since the preview.
        var preview = await import.CheckAsync(User, upload);
        if (preview.ValidCount == 0)
        {
            TempData.Error(S["No row can be imported; correct the file and upload it again."]);
            return Redirect($"/admin/talks/events/import/preview/{token}");
        }

        int recorded = 0, due = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var row in preview.Rows.Where(r => r.IsValid))
        {
            var result = await obligations.RecordAsync(User, row.Input!, User.Identity!.Name!);
            recorded += result.Event is null ? 0 : 1;
            due += result.Obligations;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await db.RunAfterCommitAsync();
        uploads.Delete(Purpose, token);
        var skipped = preview.Rows.Count - recorded;
        TempData.Success(skipped == 0
            ? S["{0} events recorded: a talk is due for {1} member(s).", recorded, due]
            : S["{0} events recorded: a talk is due for {1} member(s). {2} rows with errors were not imported.", recorded, due, skipped]);
        return Redirect("/admin/talks/events");
    }
}
