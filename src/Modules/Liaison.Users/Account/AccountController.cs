using LiaisonSite.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Liaison.Users.Account;

/// <summary>Sign-in, sign-out and the access-denied page.</summary>
[AllowAnonymous]
public sealed class AccountController(
    SignInManager<LiaisonUser> signInManager, IStringLocalizer<AccountController> S) : Controller
{
    /// <summary>Sign-in attempts per client (Liaison:SignIn:AttemptsPerWindow per WindowMinutes, sliding).</summary>
    public const string SignInRateLimit = "SignIn";

    private const string DefaultTarget = "/admin";

    private LiaisonSignInManager Accounts => (LiaisonSignInManager)signInManager;

    [HttpGet("login")]
    public IActionResult Login(string? returnUrl = null)
        => View(new LoginViewModel { ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null });

    [HttpPost("login")]
    [EnableRateLimiting(SignInRateLimit)]
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

        var attempt = await Accounts.SignInByNameOrEmailAsync(model.UserName, model.Password, model.RememberMe);
        if (attempt.Result.Succeeded)
        {
            return LocalRedirect(model.ReturnUrl ?? DefaultTarget);
        }

        ModelState.AddModelError("", attempt.DisabledWithRightPassword
            ? S["This account is disabled. Please contact the site administrator."]
            : InvalidMessage(Accounts.Options.Lockout));
        return View(model);
    }

    /// <summary>
    /// The one answer to an unknown name, a wrong password and a locked account alike (so it reveals none of them); it
    /// says how lockout works, so that someone locked out knows to wait.
    /// </summary>
    private string InvalidMessage(LockoutOptions lockout)
        => S["Invalid user name or password. After {0} failed attempts in a row an account is locked for {1} minutes.",
            lockout.MaxFailedAccessAttempts, (int)lockout.DefaultLockoutTimeSpan.TotalMinutes];

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
