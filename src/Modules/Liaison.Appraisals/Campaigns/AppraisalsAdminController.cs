using Liaison.Appraisals.Data;
using Liaison.Appraisals.Results;
using Liaison.Appraisals.Voting;
using Liaison.Organization.Contracts;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Hosting;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Appraisals.Campaigns;

public sealed record CampaignFormModel(CampaignInput Input, IReadOnlyList<RosterOrganization> Branches, IReadOnlyDictionary<string, string> Errors);

public sealed record CampaignPageModel(
    CampaignRow Row, IReadOnlyList<RosterMember> Members, IReadOnlyList<RosterPerson> Persons, IReadOnlySet<int> Appraised,
    IReadOnlySet<int> MemberVoters, IReadOnlySet<int> PersonVoters, bool HasBallots, int WithMail, int WithoutMail, string? Error);

public sealed record SlipsModel(AppraisalCampaign Campaign, IReadOnlyList<VoteSlip> Slips);

/// <summary>The results page: the tallies after closing, the rule, and the feedback talks assigned (member id → held).</summary>
public sealed record ResultsModel(AppraisalCampaign Campaign, CampaignResults? Results, double FeedbackShare, IReadOnlyDictionary<int, bool> FeedbackTalks)
{
    /// <summary>The public address of the results notice once it is published (everyone may read it there).</summary>
    public string? NoticeUrl { get; init; }
}

/// <summary>
/// /admin/appraisals: campaigns of the branches the user manages (secretary: theirs, committee: all), found only
/// through <see cref="CampaignService.VisibleAsync"/>, so another branch's campaign is 404. Members are refused by
/// the permission.
/// </summary>
[Admin]
[Route("admin/appraisals")]
public sealed class AppraisalsAdminController(
    CampaignService campaigns, LinkIssuer links, ResultsService results, LiaisonDbContext db,
    Liaison.Talks.Contracts.IFeedbackTalks feedbackTalks, Liaison.ContentParts.Autoroute.IContentRouting routing,
    IStringLocalizer<AppraisalsAdminController> S) : Controller
{
    [HttpGet("")]
    [RequirePermission("Appraisals.Manage")]
    public async Task<IActionResult> Index() => View(await campaigns.ListAsync(User));

    [HttpGet("new")]
    [RequirePermission("Appraisals.Manage")]
    public async Task<IActionResult> New()
        => View(new CampaignFormModel(new CampaignInput { Year = DateTime.UtcNow.Year }, await campaigns.BranchesAsync(User), new Dictionary<string, string>()));

    [HttpPost("new")]
    [RequirePermission("Appraisals.Manage")]
    public async Task<IActionResult> Create([FromForm(Name = "Campaign")] CampaignInput input)
    {
        ModelState.Clear();
        var (campaign, errors) = await campaigns.CreateAsync(User, input, User.Identity!.Name!);
        if (campaign is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("New", new CampaignFormModel(input, await campaigns.BranchesAsync(User), errors));
        }

        await db.SaveChangesAsync();
        TempData.Success(S["The campaign is created. Choose the members to appraise and the voters."]);
        return Redirect($"/admin/appraisals/{campaign.Id}");
    }

    [HttpGet("{id:int}")]
    [RequirePermission("Appraisals.Manage")]
    public async Task<IActionResult> Show(int id)
        => await campaigns.FindAsync(User, id) is { } campaign ? await PageAsync(campaign, null) : NotFound();

    [HttpPost("{id:int}/participants")]
    [RequirePermission("Appraisals.Manage")]
    public async Task<IActionResult> Participants(int id, List<int>? appraised, List<int>? memberVoters, List<int>? personVoters)
    {
        if (await campaigns.FindAsync(User, id) is not { } campaign)
        {
            return NotFound();
        }

        var error = await campaigns.SetParticipantsAsync(campaign, appraised ?? [], memberVoters ?? [], personVoters ?? []);
        if (error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await PageAsync(campaign, error);
        }

        await db.SaveChangesAsync();
        TempData.Success(S["The members and voters are saved."]);
        return Redirect($"/admin/appraisals/{id}");
    }

    /// <summary>Issues new links and shows them as slips to print (the tokens exist only in this answer).</summary>
    [HttpPost("{id:int}/slips")]
    [RequirePermission("Appraisals.Manage")]
    public async Task<IActionResult> Slips(int id, bool withoutMailOnly = true)
    {
        if (await campaigns.FindAsync(User, id) is not { } campaign)
        {
            return NotFound();
        }

        if (campaigns.PhaseOf(campaign) == CampaignPhase.Closed)
        {
            TempData.Error(S["The campaign has closed."]);
            return Redirect($"/admin/appraisals/{id}");
        }

        var slips = await links.SlipsAsync(campaign, Request.PublicOrigin(), withoutMailOnly);
        await db.SaveChangesAsync();
        Response.Headers.CacheControl = "no-store";
        return View("Slips", new SlipsModel(campaign, slips));
    }

    [HttpPost("{id:int}/mail")]
    [RequirePermission("Appraisals.Manage")]
    public async Task<IActionResult> Mail(int id)
    {
        if (await campaigns.FindAsync(User, id) is not { } campaign)
        {
            return NotFound();
        }

        if (campaigns.PhaseOf(campaign) == CampaignPhase.Closed)
        {
            TempData.Error(S["The campaign has closed."]);
            return Redirect($"/admin/appraisals/{id}");
        }

        if (!await links.CanMailAsync())
        {
            TempData.Error(S["The site has no mail server: print slips instead, or ask an administrator to set up mail."]);
            return Redirect($"/admin/appraisals/{id}");
        }

        var sent = await links.MailAsync(campaign);
        await db.SaveChangesAsync();
        TempData.Success(S["Links are sent by e-mail to {0} voter(s).", sent]);
        return Redirect($"/admin/appraisals/{id}");
    }

    [HttpGet("{id:int}/results")]
    [RequirePermission("Appraisals.Manage")]
    public async Task<IActionResult> Results(int id)
    {
        if (await campaigns.FindAsync(User, id) is not { } campaign)
        {
            return NotFound();
        }

        var tally = await results.TallyAsync(campaign);
        if (tally is null)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        var talks = await feedbackTalks.OfSourceAsync(FeedbackTalkAssigner.SourceOf(campaign));
        var noticeUrl = campaign.NoticeContentItemId is { } notice
            ? (await routing.GetPathsAsync([notice])).GetValueOrDefault(notice)
            : null;
        return View("Results", new ResultsModel(campaign, tally, results.FeedbackShare, talks) { NoticeUrl = noticeUrl });
    }

    [HttpPost("{id:int}/notice")]
    [RequirePermission("Appraisals.Manage")]
    public async Task<IActionResult> Notice(int id)
    {
        if (await campaigns.FindAsync(User, id) is not { } campaign)
        {
            return NotFound();
        }

        var notice = await results.PublishNoticeAsync(campaign, User.Identity!.Name);
        if (notice is null)
        {
            TempData.Error(S["Results can be published only after the campaign closes."]);
            return Redirect($"/admin/appraisals/{id}/results");
        }

        await db.SaveChangesAsync();
        TempData.Success(S["The results are published as a public notice."]);
        return Redirect($"/admin/appraisals/{id}/results");
    }

    private async Task<IActionResult> PageAsync(AppraisalCampaign campaign, string? error)
    {
        var row = (await campaigns.ListAsync(User)).First(r => r.Campaign.Id == campaign.Id);
        var (members, persons) = await campaigns.CandidatesAsync(campaign);
        var appraised = (await db.Set<AppraisedMember>().Where(a => a.CampaignId == campaign.Id).Select(a => a.MemberId).ToListAsync()).ToHashSet();
        var voters = await db.Set<AppraisalVoter>().Where(v => v.CampaignId == campaign.Id).Select(v => new { v.MemberId, v.PersonId }).ToListAsync();
        var hasBallots = await db.Set<AppraisalBallot>().AnyAsync(b => b.CampaignId == campaign.Id);
        var (withMail, withoutMail) = await links.CountAsync(campaign.Id);
        return View("Show", new CampaignPageModel(row, members, persons, appraised,
            voters.Where(v => v.MemberId != null).Select(v => v.MemberId!.Value).ToHashSet(),
            voters.Where(v => v.PersonId != null).Select(v => v.PersonId!.Value).ToHashSet(), hasBallots, withMail, withoutMail, error));
    }
}
