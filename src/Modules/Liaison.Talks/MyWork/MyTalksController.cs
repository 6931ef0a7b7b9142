using Liaison.Organization.Contracts;
using Liaison.Talks.Data;
using Liaison.Talks.Parts;
using Liaison.Talks.Security;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Time;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Talks.MyWork;

public sealed record ShortTalkModel(TalkPart Part, IReadOnlyList<TalkPersonChoice> Persons, IReadOnlyList<ContentValidationError> Errors, int? Obligation);

/// <summary>
/// The member's short talk form from 我的联系工作 (one column, phone width). The member is always the signed-in
/// user's member row, never a form field; <c>?obligation=</c> fills in the person and occasion of a mandatory talk.
/// </summary>
[Admin]
[Route("admin/my-work/talks")]
public sealed class MyTalksController(
    IRosterQueries roster, TalkChoices choices, TalkForm form, IContentManager contents, LiaisonDbContext db, ISchoolClock clock,
    IStringLocalizer<MyTalksController> S) : Controller
{
    private const string Prefix = nameof(TalkPart);

    [HttpGet("new")]
    [RequirePermission("Admin.Access")]
    public async Task<IActionResult> New(int? obligation)
    {
        var member = (await roster.ScopeAsync(User)).Member;
        if (member is null)
        {
            return NotFound();
        }

        var part = new TalkPart { Date = clock.Today };
        if (obligation is { } id && await db.Set<TalkObligation>().AsNoTracking()
                .FirstOrDefaultAsync(o => o.Id == id && o.MemberId == member.Id) is { } due)
        {
            part.PersonId = due.PersonId ?? 0;
            part.PartnerMemberId = due.PartnerMemberId;
            part.Occasion = due.Occasion;
        }

        return View(new ShortTalkModel(part, await choices.PersonsForAsync(member.Id, member.BranchId), [], obligation));
    }

    [HttpPost("new")]
    [RequirePermission("Admin.Access")]
    public async Task<IActionResult> Create()
    {
        var member = (await roster.ScopeAsync(User)).Member;
        if (member is null)
        {
            return NotFound();
        }

        var item = await contents.NewAsync(TalkAccessScope.ContentType);
        var part = new TalkPart { MemberId = member.Id };
        var errors = new List<ContentValidationError>();
        form.Read(Request.Form, Prefix, part, errors, readMember: false);
        item.Apply(part);
        if (errors.Count == 0)
        {
            try
            {
                await contents.CreateAsync(item, VersionOptions.Published);
                await db.SaveChangesAsync();
                TempData.Success(S["The talk is recorded."]);
                return Redirect("/admin/my-work");
            }
            catch (ContentValidationException e)
            {
                errors.AddRange(e.Errors);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("New", new ShortTalkModel(part, await choices.PersonsForAsync(member.Id, member.BranchId), errors, null));
    }
}
