using Liaison.Organization.Export;
using Liaison.Organization.Services;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Import;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Liaison.Organization.Import;

/// <summary>
/// Roster import: upload → preview (valid rows as new/update, errors per row) → confirm writes only the valid rows.
/// The committee imports into any branch, a secretary into their own (rows naming another branch are errors).
/// </summary>
[Admin]
[Route("admin/organization/import")]
internal sealed class RosterImportController(
    RosterFileReader reader,
    ImportUploadStore uploads,
    RosterValidator validator,
    RosterContextLoader contexts,
    OrganizationScope organizations,
    IStringLocalizer<RosterImportController> S) : Controller
{
    private const string Permission = "Organization.ManageBranch";
    private const string Purpose = "roster";

    [HttpGet("")]
    [RequirePermission(Permission)]
    public IActionResult Index(string? kind) => View(new RosterImportViewModel { Kind = RosterKinds.Parse(kind) ?? RosterKind.Members });

    [HttpGet("template")]
    [RequirePermission(Permission)]
    public IActionResult Template(string? kind)
    {
        var parsed = RosterKinds.Parse(kind) ?? RosterKind.Members;
        var name = parsed == RosterKind.Members ? "党员花名册模板.xlsx" : "群众花名册模板.xlsx";
        return File(RosterExporter.Template(parsed), RosterExporter.ContentType, name);
    }

    [HttpPost("")]
    [RequirePermission(Permission)]
    [RequestSizeLimit(RosterFileReader.MaxBytes + 64 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = RosterFileReader.MaxBytes + 64 * 1024)]
    public async Task<IActionResult> Upload(string? kind, IFormFile? file, CancellationToken cancellationToken)
    {
        var parsed = RosterKinds.Parse(kind);
        if (parsed is null || file is null || file.Length == 0)
        {
            TempData.Error(parsed is null ? S["Choose which roster the file holds."] : S["Choose an .xlsx or .csv file to import."]);
            return RedirectToAction(nameof(Index), new { kind });
        }

        IReadOnlyList<RosterRow> rows;
        try
        {
            await using var stream = file.OpenReadStream();
            rows = await reader.ReadAsync(stream, parsed.Value, cancellationToken);
        }
        catch (RosterFileException e)
        {
            TempData.Error(S["The file was not imported. {0}", e.Message]);
            return RedirectToAction(nameof(Index), new { kind });
        }

        var upload = new RosterUpload(User.Identity!.Name!, parsed.Value, Path.GetFileName(file.FileName),
            [.. rows.Select(r => new RosterUploadRow(r.Number, r.Values.ToDictionary()))]);
        var token = await uploads.SaveAsync(Purpose, upload.Owner, upload, cancellationToken);
        return RedirectToAction(nameof(Preview), new { token });
    }

    [HttpGet("preview/{token}")]
    [RequirePermission(Permission)]
    public async Task<IActionResult> Preview(string token, CancellationToken cancellationToken)
    {
        var upload = await uploads.FindAsync<RosterUpload>(Purpose, token, User.Identity!.Name!, cancellationToken);
        if (upload is null)
        {
            TempData.Error(S["This import has expired or was already done. Upload the file again."]);
            return RedirectToAction(nameof(Index));
        }

        return View(new RosterPreviewViewModel { Token = token, FileName = upload.FileName, Preview = await CheckAsync(upload, cancellationToken) });
    }

    [HttpPost("preview/{token}")]
    [RequirePermission(Permission)]
    public async Task<IActionResult> Confirm(
        string token, [FromServices] RosterImporter importer, [FromServices] LiaisonDbContext db,
        [FromServices] PersonalDataProtector protector, CancellationToken cancellationToken)
    {
        var upload = await uploads.FindAsync<RosterUpload>(Purpose, token, User.Identity!.Name!, cancellationToken);
        if (upload is null)
        {
            TempData.Error(S["This import has expired or was already done. Upload the file again."]);
            return RedirectToAction(nameof(Index));
        }

        // Checked again: the roster or the user's branch may have changed since the preview.
        var preview = await CheckAsync(upload, cancellationToken);
        if (preview.ValidCount == 0)
        {
            TempData.Error(S["No row can be imported; correct the file and upload it again."]);
            return RedirectToAction(nameof(Preview), new { token });
        }

        // A new data-protection key is written on its own connection, which must not wait on this transaction.
        protector.Protect("warm-up");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var (created, updated) = await importer.ApplyAsync(preview);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            await db.RunAfterCommitAsync();
            uploads.Delete(Purpose, token);
            TempData.Success(preview.Errors.Count == 0
                ? S["{0} rows imported: {1} new, {2} updated.", created + updated, created, updated]
                : S["{0} rows imported: {1} new, {2} updated. {3} rows with errors were not imported.", created + updated, created, updated, preview.Errors.Count]);
            return RedirectToAction(nameof(Index), new { kind = upload.Kind.Slug() });
        }
        catch (RosterImportException e)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            db.DiscardAfterCommit();
            TempData.Error(S["Nothing was imported. Row {0}: {1}", e.Row, e.Message]);
            return RedirectToAction(nameof(Preview), new { token });
        }
    }

    private async Task<RosterPreview> CheckAsync(RosterUpload upload, CancellationToken cancellationToken)
    {
        var scope = await organizations.GetAsync(User);
        var rows = upload.Rows.Select(r => new RosterRow(r.Number, r.Values));
        return validator.Validate(upload.Kind, rows, await contexts.LoadAsync(upload.Kind, scope, cancellationToken));
    }
}
