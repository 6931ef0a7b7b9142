using Liaison.Organization.Contracts;
using Liaison.Pairing.Data;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Pairing.Admin;

public sealed record PairingHistoryModel(
    IReadOnlyList<BranchChoice> Branches, BranchChoice Branch, IReadOnlyList<string> Terms, string? Term, IReadOnlyList<Pair> Pairs,
    IReadOnlyDictionary<int, string> MemberNames, IReadOnlyDictionary<int, string> PersonNames)
{
    public string MemberName(int id) => MemberNames.GetValueOrDefault(id, "");

    public string PersonName(int id) => PersonNames.GetValueOrDefault(id, "");
}

/// <summary>The pairs of past and present terms, ended ones included, with who proposed, confirmed and ended them.</summary>
[Admin]
[RequirePermission("Organization.ManageBranch")]
[Route("admin/pairing/history")]
public sealed class PairingHistoryController(PairingBranches branches, LiaisonDbContext db, IRosterQueries roster) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? branch, string? term)
    {
        var choices = await branches.ChoicesAsync(User);
        var chosen = PairingBranches.Pick(choices, branch);
        if (chosen is null)
        {
            return string.IsNullOrEmpty(branch) ? View("PairingNoBranch") : NotFound();
        }

        var terms = (await db.Set<Pair>().AsNoTracking().Where(p => p.BranchId == chosen.Id)
            .Select(p => p.Term).Distinct().ToListAsync()).OrderDescending(StringComparer.Ordinal).ToList();
        var selected = SchoolTerm.TryParse(term, out var key, out _, out _) ? key : terms.FirstOrDefault();
        var rows = selected is null
            ? []
            : await (from p in db.Set<Pair>().AsNoTracking()
                     join m in roster.Members() on p.MemberId equals m.Id
                     join person in roster.Persons() on p.PersonId equals person.Id
                     where p.BranchId == chosen.Id && p.Term == selected
                     orderby m.Number, person.Number, p.Id
                     select new { Pair = p, Member = m.Name, Person = person.Name })
                .ToListAsync();
        return View(new PairingHistoryModel(choices, chosen, terms, selected, [.. rows.Select(r => r.Pair)],
            rows.DistinctBy(r => r.Pair.MemberId).ToDictionary(r => r.Pair.MemberId, r => r.Member),
            rows.DistinctBy(r => r.Pair.PersonId).ToDictionary(r => r.Pair.PersonId, r => r.Person)));
    }
}
