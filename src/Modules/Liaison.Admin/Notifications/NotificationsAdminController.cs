using System.Security.Claims;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Admin.Notifications;

public sealed record NotificationListViewModel(IReadOnlyList<UserNotification> Rows, Pager Pager, int Unread, bool EmailOn, string? Email);

/// <summary>The signed-in user's own notifications (the bell), marking them read, and their e-mail switch.</summary>
[Admin]
[Route("admin/notifications")]
public sealed class NotificationsAdminController(
    LiaisonDbContext db, UserManager<LiaisonUser> users, TimeProvider clock, IStringLocalizer<NotificationsAdminController> S) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    [HttpGet("")]
    public async Task<IActionResult> Index(int? page)
    {
        var mine = db.Set<UserNotification>().AsNoTracking().Where(n => n.UserId == UserId);
        var (number, size) = Pager.Normalize(page, null, defaultSize: 20);
        var pager = new Pager(number, size, await mine.CountAsync());
        var rows = await mine.OrderByDescending(n => n.CreatedUtc).ThenByDescending(n => n.Id).Skip(pager.Skip).Take(size).ToListAsync();
        var account = await users.GetUserAsync(User);
        return View(new NotificationListViewModel(rows, pager, await mine.CountAsync(n => n.ReadUtc == null),
            account is { EmailOptOut: false }, account?.Email));
    }

    [HttpPost("read")]
    public async Task<IActionResult> Read(long id)
    {
        // Only the caller's own row: someone else's id changes nothing, and says no more than a missing one.
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Set<UserNotification>()
            .Where(n => n.Id == id && n.UserId == UserId && n.ReadUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadUtc, now));
        if (changed == 0)
        {
            TempData.Error(S["That notification is not in your list, or it is already read."]);
        }

        return RedirectToAction(nameof(Index));
    }

    [HttpPost("read-all")]
    public async Task<IActionResult> ReadAll()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Set<UserNotification>()
            .Where(n => n.UserId == UserId && n.ReadUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadUtc, now));
        TempData.Success(S["{0} notifications marked as read.", changed]);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("email")]
    public async Task<IActionResult> Email(bool emailOn)
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return Forbid();
        }

        account.EmailOptOut = !emailOn;
        var result = await users.UpdateAsync(account);
        if (!result.Succeeded)
        {
            TempData.Error(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        else
        {
            TempData.Success(emailOn ? S["You will get notifications by e-mail too."] : S["You will get notifications only here, not by e-mail."]);
        }

        return RedirectToAction(nameof(Index));
    }
}
