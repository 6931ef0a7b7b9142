using LiaisonSite.Core.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace LiaisonSite.Core.Mvc;

/// <summary>
/// A save that lost a race (a document changed since it was read, a row's concurrency token moved) is the user's
/// news, not a server error: pages get the message and go back to a fresh copy of the page they posted from (303),
/// JSON APIs a 409 problem. Actions that can do better (the content editor keeps what was typed) catch it themselves.
/// </summary>
internal sealed class ConcurrencyConflictFilter(IStringLocalizer<ConcurrencyConflictFilter> S, ITempDataDictionaryFactory tempData)
    : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        if (context.Exception is not (DocumentConcurrencyException or DbUpdateConcurrencyException))
        {
            return;
        }

        var message = S["Someone else changed this at the same time. Nothing was saved: look at the page again and make your change once more."].Value;
        var request = context.HttpContext.Request;
        context.HttpContext.RequestServices.GetService<LiaisonDbContext>()?.ChangeTracker.Clear();
        if (request.Path.StartsWithSegments("/api"))
        {
            context.Result = new ObjectResult(new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = message })
            {
                StatusCode = StatusCodes.Status409Conflict,
            };
        }
        else
        {
            tempData.GetTempData(context.HttpContext).Error(message);
            var back = request.Headers.Referer.ToString() is { Length: > 0 } referer && Uri.TryCreate(referer, UriKind.Absolute, out var uri)
                && string.Equals(uri.Host, request.Host.Host, StringComparison.OrdinalIgnoreCase)
                ? uri.PathAndQuery
                : request.Path + request.QueryString;
            context.Result = new RedirectResult(back) { PreserveMethod = false };
            context.HttpContext.Response.Headers.CacheControl = "no-store";
        }

        context.ExceptionHandled = true;
    }
}
