using System.ComponentModel.DataAnnotations;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Liaison.Setup.Setup;

/// <summary>The page an empty site shows: name, first administrator, recipe.</summary>
[AllowAnonymous]
[Route("setup")]
public sealed class SetupController(ISetupService setup, ISiteService site, SignInManager<LiaisonUser> signIn) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
        => await IsSetUpAsync() ? NotFound() : View(new SetupViewModel());

    [HttpPost("")]
    public async Task<IActionResult> Index(SetupViewModel model, CancellationToken cancellationToken)
    {
        if (await IsSetUpAsync())
        {
            return NotFound();
        }

        if (!RecipeLocator.Offered.Any(r => r.Name == model.Recipe))
        {
            ModelState.AddModelError(nameof(model.Recipe), "");
        }

        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var errors = await setup.SetupAsync(new SetupRequest
        {
            SiteName = model.SiteName.Trim(),
            AdminUserName = model.AdminUserName.Trim(),
            AdminEmail = model.AdminEmail.Trim(),
            AdminPassword = model.Password,
            DemoPassword = model.Password,
            Recipe = model.Recipe,
        }, cancellationToken);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError("", error);
            }

            return View(model);
        }

        await signIn.PasswordSignInAsync(model.AdminUserName.Trim(), model.Password, isPersistent: false, lockoutOnFailure: false);
        return LocalRedirect("/admin");
    }

    private async Task<bool> IsSetUpAsync() => (await site.GetSettingsAsync()).SetupCompletedUtc is not null;
}

public sealed class SetupViewModel
{
    [Required(ErrorMessage = "The site name is required.")]
    [StringLength(200, ErrorMessage = "The site name is too long.")]
    [Display(Name = "Site name")]
    public string SiteName { get; set; } = "";

    [Required(ErrorMessage = "The administrator's user name is required.")]
    [RegularExpression("^[A-Za-z0-9._@-]{2,64}$", ErrorMessage = "Use 2–64 letters, digits and - . _ @.")]
    [Display(Name = "Administrator user name")]
    public string AdminUserName { get; set; } = "admin";

    [Required(ErrorMessage = "A valid email address is required.")]
    [EmailAddress(ErrorMessage = "A valid email address is required.")]
    [Display(Name = "Email")]
    public string AdminEmail { get; set; } = "";

    [Required(ErrorMessage = "The password is required.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = "";

    [Compare(nameof(Password), ErrorMessage = "The passwords do not match.")]
    [DataType(DataType.Password)]
    [Display(Name = "Confirm password")]
    public string ConfirmPassword { get; set; } = "";

    [Display(Name = "Recipe")]
    public string Recipe { get; set; } = "liaison";
}
