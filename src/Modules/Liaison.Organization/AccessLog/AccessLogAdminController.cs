using Liaison.Organization.Contracts;
using Liaison.Organization.Data;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Organization.AccessLog;

internal sealed record AccessLogFilter(string? User, string? Person, string? Action, int? Category, DateOnly? From, DateOnly? To);

internal sealed record AccessLogViewModel(AccessLogFilter Filter, IReadOnlyList<PersonalDataAccess> Rows, Pager Pager,
    IReadOnlyDictionary<string, string> BranchNames)
{
    /// <summary>The other modules' names for their actions and categories (<see cref="IAccessLogTerms"/>).</summary>
    public IReadOnlyList<IAccessLogTerms> Terms { get; init; } = [];

    public string? ActionName(string action) => Terms.Select(t => t.ActionName(action)).FirstOrDefault(n => n is not null);

    public string? CategoryName(int? category)
        => category is { } c ? Terms.Select(t => t.CategoryName(c)).FirstOrDefault(n => n is not null) ?? c.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
}

/// <summary>The personal-data access log, read-only, newest first (dates in the school's time zone).</summary>
[Admin]
[RequirePermission("Organization.ViewAccessLog")]
[Route("admin/organization/access-log")]
internal sealed class AccessLogAdminController(
    LiaisonDbContext db, Admin.RosterLookups lookups, ISchoolClock clock, IEnumerable<IAccessLogTerms> terms) : Controller
{
    // "action" is also a route value (the action's name); [FromQuery] makes it the filter.
    [HttpGet("")]
    public async Task<IActionResult> Index(string? user, string? person, [FromQuery] string? action, int? category, DateOnly? from, DateOnly? to, int? page)
    {
        var query = db.Set<PersonalDataAccess>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(user))
        {
            var name = user.Trim();
            query = query.Where(a => a.UserName == name);
        }

        if (!string.IsNullOrWhiteSpace(person))
        {
            var text = person.Trim();
            query = query.Where(a => a.PersonName != null && a.PersonName.Contains(text));
        }

        query = string.IsNullOrEmpty(action) ? query : query.Where(a => a.Action == action);
        query = category is { } c ? query.Where(a => a.Category == c) : query;
        if (from is { } start)
        {
            var utc = clock.StartOfDayUtc(start);
            query = query.Where(a => a.Utc >= utc);
        }

        if (to is { } end)
        {
            var utc = clock.StartOfDayUtc(end.AddDays(1));
            query = query.Where(a => a.Utc < utc);
        }

        var (number, size) = Pager.Normalize(page, null, defaultSize: 50);
        var pager = new Pager(number, size, await query.CountAsync());
        var rows = await query.OrderByDescending(a => a.Utc).ThenByDescending(a => a.Id).Skip(pager.Skip).Take(size).ToListAsync();
        return View(new AccessLogViewModel(new AccessLogFilter(user, person, action, category, from, to), rows, pager,
            await lookups.OrganizationNamesAsync()) { Terms = [.. terms] });
    }
}
