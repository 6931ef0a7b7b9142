using Liaison.Appraisals.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Liaison.Appraisals.Voting;

public sealed record BallotFormModel(BallotPage Page, IReadOnlyList<BallotEntry> Entries, IReadOnlyDictionary<string, string> Errors);

public sealed record VoteMessageModel(string Title, string Message);

/// <summary>
/// The voter's one-time link /appraisal/vote/{token} (anonymous: the token is the right to vote). A plain form, no
/// JavaScript, phone width, antiforgery. Unknown or malformed tokens are 404, used ones and closed campaigns 410,
/// a campaign not yet open 409 — each a Chinese page, never a 500. Nothing is cached (no-store).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimit)]
public sealed class VoteController(BallotService ballots, IStringLocalizer<VoteController> S) : Controller
{
    /// <summary>
    /// Ballot pages and posts per client IP: Liaison:Appraisals:VotesPerWindow (120) per VoteWindowMinutes (10).
    /// Generous, because a whole school may vote from behind one address; it only slows a client trying links.
    /// </summary>
    public const string RateLimit = "AppraisalVotes";

    [HttpGet("/appraisal/vote/{token}")]
    public async Task<IActionResult> Ballot(string token)
    {
        NoStore();
        var (state, campaign) = await ballots.CheckAsync(token);
        if (state != TokenState.Valid)
        {
            return Refuse(state);
        }

        return View("Ballot", new BallotFormModel(await ballots.PageAsync(token, campaign!), [], new Dictionary<string, string>()));
    }

    [HttpPost("/appraisal/vote/{token}")]
    public async Task<IActionResult> Cast(string token, [FromForm(Name = "Ballot")] List<BallotEntry>? entries, CancellationToken cancellationToken)
    {
        NoStore();
        ModelState.Clear();
        var (state, campaign) = await ballots.CheckAsync(token);
        if (state != TokenState.Valid)
        {
            return Refuse(state);
        }

        entries ??= [];
        var errors = await ballots.ValidateAsync(campaign!, entries);
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Ballot", new BallotFormModel(await ballots.PageAsync(token, campaign!), entries, errors));
        }

        if (!await ballots.CastAsync(token, campaign!, entries, cancellationToken))
        {
            var (now, _) = await ballots.CheckAsync(token);
            return Refuse(now == TokenState.Valid ? TokenState.Used : now);
        }

        return Redirect("/appraisal/thanks");
    }

    [HttpGet("/appraisal/thanks")]
    public IActionResult Thanks()
    {
        NoStore();
        return View("Message", new VoteMessageModel(S["Thank you"], S["Your ballot is cast. It is secret: nobody can see how you voted."]));
    }

    private IActionResult Refuse(TokenState state)
    {
        var (status, title, message) = state switch
        {
            TokenState.Used => (StatusCodes.Status410Gone, S["Already voted"], S["This link has been used: a ballot was cast with it. Each link can be used once."]),
            TokenState.Closed => (StatusCodes.Status410Gone, S["Voting has closed"], S["This appraisal has closed; ballots are no longer accepted."]),
            TokenState.NotOpen => (StatusCodes.Status409Conflict, S["Voting has not opened"], S["This appraisal has not opened yet. Please use the link again once voting opens."]),
            _ => (StatusCodes.Status404NotFound, S["Link not found"], S["This voting link is not valid. Please check that you copied the whole link, or ask your branch for a new one."]),
        };
        Response.StatusCode = status;
        return View("Message", new VoteMessageModel(title, message));
    }

    private void NoStore() => Response.Headers.CacheControl = "no-store";
}
