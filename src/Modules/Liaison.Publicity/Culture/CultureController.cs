using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Liaison.Publicity.Culture;

/// <summary>The language switch: remembers the visitor's choice in the culture cookie and goes back.</summary>
[AllowAnonymous]
public sealed class CultureController : Controller
{
    public const string DefaultCulture = "zh-CN";
    private static readonly string[] s_cultures = [DefaultCulture, "en-US"];

    [HttpGet("/culture")]
    public IActionResult Set(string? c, string? returnUrl)
    {
        var culture = s_cultures.FirstOrDefault(x => string.Equals(x, c, StringComparison.OrdinalIgnoreCase)) ?? DefaultCulture;
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = Request.IsHttps,
            });

        // Only ever back into this site: an open redirect would let a link on another site borrow our name.
        return LocalRedirect(!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
