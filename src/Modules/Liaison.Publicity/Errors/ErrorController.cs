using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Liaison.Publicity.Errors;

/// <summary>
/// Friendly error pages. The pipeline re-executes here for unhandled exceptions (/error) and error status codes
/// (/error/{code}) with the original method, so the actions accept every method and skip antiforgery.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController : Controller
{
    [Route("/error")]
    public IActionResult Error() => Page(StatusCodes.Status500InternalServerError);

    [Route("/error/{code:int}")]
    public IActionResult Status(int code) => Page(code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound);

    private ViewResult Page(int code)
    {
        // Keep the status of the original response (a missing page stays a 404 for browsers and crawlers).
        Response.StatusCode = code;
        return code switch
        {
            StatusCodes.Status404NotFound => View("NotFound"),
            StatusCodes.Status403Forbidden => View("Forbidden", new ForbiddenViewModel(InAdmin())),
            _ => View("Error", new ErrorViewModel(code, HttpContext.TraceIdentifier)),
        };
    }

    /// <summary>A signed-in user refused a page of the admin sees the refusal in the admin theme, with their menu.</summary>
    private bool InAdmin()
    {
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? "";
        return User.Identity?.IsAuthenticated == true
               && (original.Equals("/admin", StringComparison.OrdinalIgnoreCase)
                   || original.StartsWith("/admin/", StringComparison.OrdinalIgnoreCase));
    }
}

public sealed record ErrorViewModel(int StatusCode, string RequestId);

public sealed record ForbiddenViewModel(bool InAdmin);
