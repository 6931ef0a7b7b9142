using LiaisonSite.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Liaison.Users.Account;

/// <summary>Sign-in, sign-out and the access-denied page.</summary>
[AllowAnonymous]
public sealed class AccountController(
    SignInManager<LiaisonUser> signInManager, TimeProvider clock, IStringLocalizer<AccountController> S) : Controller
{
    private const string DefaultTarget = "/admin";

    private LiaisonSignInManager Accounts => (LiaisonSignInManager)signInManager;

    [HttpGet("login")]
    public IActionResult Login(string? returnUrl = null)
        => View(new LoginViewModel { ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null });

    [HttpPost("login")]
    public async Task<IActionResult> Login(LoginViewModel model)
    {
        if (!Url.IsLocalUrl(model.ReturnUrl))
        {
            model.ReturnUrl = null;
        }

        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var user = await Accounts.FindByNameOrEmailAsync(model.UserName.Trim());
        if (user is not null)
        {
            var result = await Accounts.PasswordSignInAsync(user, model.Password, model.RememberMe, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                return LocalRedirect(model.ReturnUrl ?? DefaultTarget);
            }

            if (result.IsLockedOut)
            {
                ModelState.AddModelError("", S["Too many failed sign-in attempts: this account is locked. Try again in {0} minutes.",
                    Accounts.LockoutMinutesLeft(user, clock)]);
                return View(model);
            }

            // Say "disabled" only to someone who knows the password, so the form does not reveal which accounts exist.
            if (result.IsNotAllowed && !user.IsEnabled && await Accounts.UserManager.CheckPasswordAsync(user, model.Password))
            {
                ModelState.AddModelError("", S["This account is disabled. Please contact the site administrator."]);
                return View(model);
            }
        }

        ModelState.AddModelError("", S["Invalid user name or password."]);
        return View(model);
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        await Accounts.SignOutAsync();
        return LocalRedirect("/");
    }

    [HttpGet("access-denied")]
    public IActionResult AccessDenied(string? returnUrl = null)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        ViewData["ReturnUrl"] = Url.IsLocalUrl(returnUrl) ? returnUrl : null;
        return View();
    }
}
