using Liaison.Outreach.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Liaison.Outreach.Opinions;

public sealed record OpinionFormModel(OpinionInput Input, IReadOnlyDictionary<string, string> Errors);

/// <summary>
/// The opinion box (意见箱, SPEC R8): anyone may write, named or anonymously, within limits (antiforgery, honeypot,
/// lengths, a rate limit per client); the sender gets a tracking code with which /opinions/{code} shows the reply.
/// Never output-cached: the form carries an antiforgery token.
/// </summary>
[AllowAnonymous]
public sealed class OpinionController(OpinionService opinions) : Controller
{
    /// <summary>The per-client limit on posting opinions (Liaison:Outreach:OpinionsPerWindow per OpinionWindowMinutes).</summary>
    public const string RateLimit = "Opinions";

    private const string CodeKey = "OpinionCode";

    [HttpGet("/opinions/new")]
    public IActionResult New() => View(new OpinionFormModel(new OpinionInput(), new Dictionary<string, string>()));

    [HttpPost("/opinions/new")]
    [EnableRateLimiting(RateLimit)]
    public async Task<IActionResult> Submit([FromForm(Name = "Opinion")] OpinionInput input)
    {
        ModelState.Clear();
        var result = await opinions.SubmitAsync(input);
        if (result.Code is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("New", new OpinionFormModel(input, result.Errors));
        }

        TempData[CodeKey] = result.Code;
        return Redirect("/opinions/sent");
    }

    [HttpGet("/opinions/sent")]
    public IActionResult Sent()
        => TempData[CodeKey] is string code ? View("Sent", code) : Redirect("/opinions/new");

    /// <summary>The form on the box's page asks by query string; the answer lives at /opinions/{code}.</summary>
    [HttpGet("/opinions/track")]
    public IActionResult Track(string? code)
        => string.IsNullOrWhiteSpace(code) ? Redirect("/opinions/new") : Redirect("/opinions/" + Uri.EscapeDataString(code.Trim().ToLowerInvariant()));

    [HttpGet("/opinions/{code}")]
    public async Task<IActionResult> Show(string code)
    {
        var opinion = await opinions.FindByCodeAsync(code);
        if (opinion is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return View("Show", opinion);
    }
}
