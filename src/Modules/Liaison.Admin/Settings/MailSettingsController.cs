using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mail;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Liaison.Admin.Settings;

/// <summary>
/// The SMTP server the site sends notifications through. Settings made in configuration (Liaison:Mail:*) win and are
/// shown read-only; the password is never shown back, only replaced or removed.
/// </summary>
[Admin]
[RequirePermission("Settings.Manage")]
[Route("admin/settings/mail")]
public sealed class MailSettingsController(
    IMailSettings mail, IMailTransport transport, LiaisonDbContext db, IStringLocalizer<MailSettingsController> S) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await ModelAsync());

    [HttpPost("")]
    public async Task<IActionResult> Index(MailSettingsViewModel model)
    {
        if (!string.IsNullOrWhiteSpace(model.From) && !MailAddresses.TryParse(model.From, out _))
        {
            ModelState.AddModelError(nameof(model.From), S["The sender must be an e-mail address such as 党委 <dangwei@example.edu.cn>."]);
        }

        if (!ModelState.IsValid)
        {
            var current = await ModelAsync();
            model.HasPassword = current.HasPassword;
            model.Configured = current.Configured;
            model.NewPassword = null;
            return View(model);
        }

        await mail.SaveAsync(new MailSettingsDocument
        {
            Host = Clean(model.Host),
            Port = model.Port,
            UseTls = model.UseTls,
            UserName = Clean(model.UserName),
            From = Clean(model.From),
        }, string.IsNullOrEmpty(model.NewPassword) ? null : model.NewPassword, model.RemovePassword);
        await db.SaveChangesAsync();
        TempData.Success(S["The mail settings were saved."]);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("test")]
    public async Task<IActionResult> Test(string? to, CancellationToken cancellationToken)
    {
        if (!MailAddresses.TryParse(to, out _))
        {
            TempData.Error(S["Enter the e-mail address to send the test to."]);
            return RedirectToAction(nameof(Index));
        }

        try
        {
            await transport.SendAsync(await mail.GetAsync(), to!.Trim(), S["LiaisonSite test e-mail"], S["This is a test e-mail from the site's mail settings."], cancellationToken);
            TempData.Success(S["A test e-mail was sent to {0}.", to!.Trim()]);
        }
        catch (MailDeliveryException e)
        {
            TempData.Error(S["The test e-mail could not be sent: {0}", e.Message]);
        }

        return RedirectToAction(nameof(Index));
    }

    private async Task<MailSettingsViewModel> ModelAsync()
    {
        var saved = await mail.GetDocumentAsync();
        var effective = await mail.GetAsync();
        var configured = mail.ConfiguredKeys;
        return new MailSettingsViewModel
        {
            Host = effective.Host,
            Port = effective.Port,
            UseTls = effective.UseTls,
            UserName = effective.UserName,
            From = effective.From,
            HasPassword = !string.IsNullOrEmpty(saved.ProtectedPassword) || configured.Contains("Password"),
            Configured = configured,
        };
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
