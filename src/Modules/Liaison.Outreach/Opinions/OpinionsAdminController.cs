using Liaison.Outreach.Data;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Time;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Outreach.Opinions;

public sealed record OpinionListModel(IReadOnlyList<Opinion> Opinions, string? Status);

/// <summary>The committee reads the opinion box and answers each opinion; rights complaints come first.</summary>
[Admin]
[Route("admin/opinions")]
public sealed class OpinionsAdminController(LiaisonDbContext db, ISchoolClock clock, IStringLocalizer<OpinionsAdminController> S) : Controller
{
    [HttpGet("")]
    [RequirePermission("Outreach.HandleOpinions")]
    public async Task<IActionResult> Index(string? status)
    {
        var rows = db.Set<Opinion>().AsNoTracking();
        if (Enum.TryParse<OpinionStatus>(status, true, out var s))
        {
            rows = rows.Where(o => o.Status == s);
        }

        var list = await rows.OrderBy(o => o.Status).ThenByDescending(o => o.RightsComplaint).ThenByDescending(o => o.CreatedUtc).Take(500).ToListAsync();
        return View(new OpinionListModel(list, status));
    }

    [HttpGet("{id:int}")]
    [RequirePermission("Outreach.HandleOpinions")]
    public async Task<IActionResult> Answer(int id)
        => await db.Set<Opinion>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id) is { } opinion ? View(opinion) : NotFound();

    [HttpPost("{id:int}")]
    [RequirePermission("Outreach.HandleOpinions")]
    public async Task<IActionResult> Answer(int id, string? reply)
    {
        var opinion = await db.Set<Opinion>().FirstOrDefaultAsync(o => o.Id == id);
        if (opinion is null)
        {
            return NotFound();
        }

        var text = reply?.Trim() ?? "";
        if (text.Length == 0 || text.Length > Opinion.MaxReplyLength)
        {
            ModelState.AddModelError("reply", S["Write a reply of at most {0} characters.", Opinion.MaxReplyLength]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(opinion);
        }

        opinion.Reply = text;
        opinion.Status = OpinionStatus.Answered;
        opinion.RepliedBy = User.Identity!.Name;
        opinion.RepliedUtc = clock.UtcNow;
        await db.SaveChangesAsync();
        TempData.Success(S["The reply is saved; the sender reads it with their tracking code."]);
        return Redirect("/admin/opinions");
    }
}
