using Liaison.Pairing.Data;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Pairing.Admin;

public sealed record PairingHistoryModel(
    IReadOnlyList<BranchChoice> Branches, BranchChoice Branch, IReadOnlyList<string> Terms, string? Term, IReadOnlyList<Pair> Pairs);

/// <summary>The pairs of past and present terms, ended ones included, with who proposed, confirmed and ended them.</summary>
[Admin]
[RequirePermission("Organization.ManageBranch")]
[Route("admin/pairing/history")]
public sealed class PairingHistoryController(PairingBranches branches, LiaisonDbContext db) : Controller
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
        var pairs = selected is null
            ? []
            : await db.Set<Pair>().AsNoTracking()
                .Where(p => p.BranchId == chosen.Id && p.Term == selected)
                .Include(p => p.Member).Include(p => p.Person)
                .OrderBy(p => p.Member!.Number).ThenBy(p => p.Person!.Number).ThenBy(p => p.Id)
                .ToListAsync();
        return View(new PairingHistoryModel(choices, chosen, terms, selected, pairs));
    }
}
