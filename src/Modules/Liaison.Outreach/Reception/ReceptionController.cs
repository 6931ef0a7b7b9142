using Liaison.Organization.Contracts;
using Liaison.Outreach.Data;
using Liaison.Outreach.Security;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Navigation;
using LiaisonSite.Core.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Outreach.Reception;

public sealed record PublicReceptionDay(string CadreName, string? CadrePost, DateOnly Date, string? StartTime, string? EndTime, string? Place);

/// <summary>
/// /reception: the published reception days from today on, for everyone. Only the cadre, the date, the time and
/// the place: what visitors raise stays on the scoped item.
/// </summary>
[AllowAnonymous]
public sealed class ReceptionController(LiaisonDbContext db, IRosterQueries roster, ISchoolClock clock) : Controller
{
    [HttpGet("/reception")]
    public async Task<IActionResult> Index()
    {
        var today = clock.Today;
        var rows = await (from x in db.Set<OutreachIndex>().AsNoTracking()
                          join m in roster.Members() on x.MemberId equals m.Id
                          where x.Published && x.ContentType == OutreachAccessScope.ReceptionDay && x.Date >= today
                          orderby x.Date, x.StartTime
                          select new PublicReceptionDay(m.Name, m.UnitName, x.Date!.Value, x.StartTime, x.EndTime, x.Place)).Take(200).ToListAsync();
        return View(rows);
    }
}

/// <summary>The sitemap lists the public pages of this module.</summary>
internal sealed class OutreachSitemapPages : ISitemapPages
{
    public IEnumerable<string> Paths => ["/reception", "/opinions/new"];
}
