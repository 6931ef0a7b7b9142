using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Liaison.Forms;

/// <summary>
/// Public forms at /forms/{type}: only types whose FormPart settings say Public; anyone may fill them in, at most
/// Liaison:Forms:SubmissionsPerWindow per Liaison:Forms:WindowMinutes per client. Anything else answers 404.
/// </summary>
[AllowAnonymous]
public sealed class FormsController(FormTypes types, FormSubmissions submissions, IStringLocalizer<FormsController> S) : Controller
{
    /// <summary>The per-client limit on public form posts.</summary>
    public const string RateLimit = "PublicForms";

    [HttpGet("/forms/{type}")]
    public async Task<IActionResult> Fill(string type)
    {
        if (await PublicFormAsync(type) is not { } form)
        {
            return NotFound();
        }

        var item = await submissions.NewAsync(form);
        return View(new FormFillModel(form, await submissions.EditorsAsync(item), $"/forms/{form.Name}"));
    }

    [HttpPost("/forms/{type}")]
    [EnableRateLimiting(RateLimit)]
    public async Task<IActionResult> Submit(string type, CancellationToken cancellationToken)
    {
        if (await PublicFormAsync(type) is not { } form)
        {
            return NotFound();
        }

        var result = await submissions.SubmitAsync(form, User, Request.Form, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddContentErrors(result.Errors);
            return View("Fill", new FormFillModel(form, await submissions.EditorsAsync(result.Item), $"/forms/{form.Name}"));
        }

        return View("Thanks", new FormThanksModel(form, Thanks(form), $"/forms/{form.Name}"));
    }

    private async Task<FormType?> PublicFormAsync(string type) => await types.ResolveAsync(type) is { Settings.Public: true } form ? form : null;

    private string Thanks(FormType form)
        => string.IsNullOrWhiteSpace(form.Settings.SuccessMessage) ? S["Thank you. Your submission has been received."] : form.Settings.SuccessMessage;
}
