using System.Security.Claims;
using Liaison.Appraisals.Data;
using Liaison.Contacts.Contracts;
using Liaison.Organization.Contracts;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Appraisals.MyWork;

public sealed record MySelfAssessment(int CampaignId, string Title, DateTime ClosesUtc, string? Text);

public sealed record SelfAssessmentSectionModel(IReadOnlyList<MySelfAssessment> Campaigns);

/// <summary>The appraisal part of 我的联系工作: the member's self-assessment for each campaign that has not closed.</summary>
internal sealed class AppraisalsMyWorkSection(LiaisonDbContext db, ISchoolClock clock) : IMyWorkSection
{
    public int Order => 30;

    public async Task<MyWorkSection?> BuildAsync(ClaimsPrincipal user, int memberId, string branchId)
    {
        var now = clock.UtcNow;
        var rows = await (from a in db.Set<AppraisedMember>().AsNoTracking()
                          join c in db.Set<AppraisalCampaign>().AsNoTracking() on a.CampaignId equals c.Id
                          where a.MemberId == memberId && c.ClosesUtc > now
                          orderby c.ClosesUtc
                          select new MySelfAssessment(c.Id, c.Title, c.ClosesUtc, a.SelfAssessment)).ToListAsync();
        return rows.Count == 0 ? null : new MyWorkSection("_AppraisalsMyWork", new SelfAssessmentSectionModel(rows));
    }
}

/// <summary>
/// Saves the signed-in member's self-assessment (the member comes from the sign-in, never from the form), until
/// the campaign closes. Voters read it on the ballot.
/// </summary>
[Admin]
[Route("admin/my-work/appraisals")]
public sealed class MyAppraisalsController(LiaisonDbContext db, IRosterQueries roster, ISchoolClock clock, IStringLocalizer<MyAppraisalsController> S) : Controller
{
    [HttpPost("{campaignId:int}")]
    [RequirePermission("Admin.Access")]
    public async Task<IActionResult> Save(int campaignId, string? selfAssessment)
    {
        var member = (await roster.ScopeAsync(User)).Member;
        var now = clock.UtcNow;
        var row = member is null ? null : await (from a in db.Set<AppraisedMember>()
                                                 join c in db.Set<AppraisalCampaign>() on a.CampaignId equals c.Id
                                                 where a.CampaignId == campaignId && a.MemberId == member.Id && c.ClosesUtc > now
                                                 select a).FirstOrDefaultAsync();
        if (row is null)
        {
            return NotFound();
        }

        var text = selfAssessment?.Trim();
        if (text is { Length: > AppraisedMember.MaxSelfAssessmentLength })
        {
            TempData.Error(S["The self-assessment can have at most {0} characters.", AppraisedMember.MaxSelfAssessmentLength]);
            return Redirect("/admin/my-work");
        }

        row.SelfAssessment = string.IsNullOrEmpty(text) ? null : text;
        await db.SaveChangesAsync();
        TempData.Success(S["Your self-assessment is saved."]);
        return Redirect("/admin/my-work");
    }
}
