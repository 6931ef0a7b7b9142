using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Navigation;
using LiaisonSite.Core.Settings;
using LiaisonSite.Core.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using LiaisonSite.Core.Security;

namespace Liaison.Admin.Dashboard;

[Admin]
public sealed class DashboardController(
    LiaisonDbContext db,
    UserManager<LiaisonUser> users,
    IContentDefinitionManager definitions,
    IAdminMenu menu,
    ISchoolClock clock,
    IEnumerable<IDashboardNotes> noteSources,
    IAdminTaskCount tasks,
    IPermissionService permissions,
    IStringLocalizer<DashboardController> S) : Controller
{
    /// <summary>Whoever may publish all content reviews it (the editors and the committee).</summary>
    private const string ReviewPermission = "Contents.Publish";

    private const int DraftCount = 10;

    [HttpGet("admin")]
    public async Task<IActionResult> Index()
    {
        var user = await users.GetUserAsync(User);
        var userName = user?.UserName ?? User.Identity?.Name ?? "";

        // Counts come from the version columns, not the JSON: one row per item has Latest, at most one Published.
        // Securable types hold personal records (contact assignments …): not even their number is shown here.
        var definitionList = await definitions.ListTypesAsync();
        var securable = definitionList.Where(t => t.TypeSettings.Securable).Select(t => t.Name).ToList();
        var rows = await db.ContentItems.AsNoTracking()
            .Where(c => (c.Latest || c.Published) && !securable.Contains(c.ContentType))
            .GroupBy(c => c.ContentType)
            .Select(g => new
            {
                Type = g.Key,
                Published = g.Count(c => c.Published),
                Drafts = g.Count(c => c.Latest && !c.Published),
            })
            .ToListAsync();
        var types = definitionList.ToDictionary(t => t.Name, t => t.DisplayName);
        var counts = rows
            .Select(r => new TypeCount(r.Type, types.GetValueOrDefault(r.Type) is { Length: > 0 } name ? name : r.Type, r.Published, r.Drafts))
            .OrderBy(c => c.DisplayName, StringComparer.CurrentCulture)
            .ToList();

        var drafts = await db.ContentItems.AsNoTracking()
            .Where(c => c.Latest && !c.Published && c.Owner == userName)
            .OrderByDescending(c => c.ModifiedUtc)
            .Take(DraftCount)
            .Select(c => new DraftRow(c.ContentItemId, c.ContentType, c.DisplayText, c.ModifiedUtc))
            .ToListAsync();

        var local = drafts.Select(d => d with { ModifiedUtc = d.ModifiedUtc is { } utc ? clock.ToLocal(utc) : null });
        var links = await menu.GetMenuAsync(User);
        var notes = new List<DashboardNote>();
        var blocks = new List<DashboardBlock>();
        foreach (var source in noteSources)
        {
            notes.AddRange(await source.ForAsync(User, HttpContext.RequestAborted));
            blocks.AddRange(await source.BlocksAsync(User, HttpContext.RequestAborted));
        }

        var open = tasks.HasInbox ? await tasks.OpenTaskCountAsync(User) : 0;
        if (tasks.HasInbox && (open > 0 || await permissions.HasPermissionAsync(User, ReviewPermission)))
        {
            // An editor's (or reviewer's) items waiting for them: the task inbox holds the review decisions.
            blocks.Add(new DashboardBlock(
                S["Waiting for your review"],
                open > 0 ? [new DashboardNote(S["{0} item(s) wait for your decision.", open], "/admin/inbox", Warning: false)] : [],
                "/admin/inbox", S["Open the task inbox"],
                S["Nothing waits for your review. Drafts you write are listed under My recent drafts below."], -10));
        }

        return View(new DashboardViewModel(user?.DisplayName ?? userName, counts, [.. local], links, notes)
        {
            Blocks = [.. blocks.OrderBy(b => b.Position)],
        });
    }
}
