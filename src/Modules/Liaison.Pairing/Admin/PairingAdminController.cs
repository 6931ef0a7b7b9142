using Liaison.Pairing.Services;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Liaison.Pairing.Admin;

/// <summary>
/// 结对互动 (R5): the secretary (their branch) or the committee (any branch) runs the pairing of a term, adjusts
/// it (move, remove, exclusions) and confirms it.
/// </summary>
[Admin]
[RequirePermission("Organization.ManageBranch")]
[Route("admin/pairing")]
public sealed class PairingAdminController(
    PairingBranches branches,
    PairingPage page,
    PairingService pairing,
    PairChanges changes,
    ISchoolClock clock,
    IStringLocalizer<PairingAdminController> S) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? branch, string? term)
    {
        var choices = await branches.ChoicesAsync(User);
        if (choices.Count == 0 && string.IsNullOrEmpty(branch))
        {
            return View("PairingNoBranch");
        }

        var chosen = PairingBranches.Pick(choices, branch);
        if (chosen is null)
        {
            return NotFound();
        }

        var current = CurrentTerm();
        if (!string.IsNullOrEmpty(term) && !SchoolTerm.IsValid(term))
        {
            TempData.Error(S["'{0}' is not a school term such as {1}.", term, current]);
            return Back(chosen.Id, current);
        }

        SchoolTerm.TryParse(string.IsNullOrEmpty(term) ? current : term, out var key, out _, out _);
        var terms = SchoolTerm.Around(current).Append(key).Distinct().ToList();
        return View(await page.LoadAsync(choices, chosen, key, terms));
    }

    [HttpPost("generate")]
    public Task<IActionResult> Generate(string? branch, string? term) => WithBranchAndTerm(branch, term, async (b, t) =>
    {
        var run = await pairing.GenerateAsync(b, t, UserName);
        TempData.Success(run.Summary);
        foreach (var notice in run.Notices)
        {
            TempData.Notify(NotifyType.Warning, notice);
        }

        return Back(b, t);
    });

    [HttpPost("confirm")]
    public Task<IActionResult> Confirm(string? branch, string? term) => WithBranchAndTerm(branch, term, async (b, t) =>
    {
        var count = await pairing.ConfirmAsync(b, t, UserName);
        if (count == 0)
        {
            TempData.Error(S["There are no proposed pairs to confirm."]);
        }
        else
        {
            TempData.Success(S["{0} pairs of {1} are confirmed.", count, SchoolTerm.DisplayName(t)]);
        }

        return Back(b, t);
    });

    [HttpPost("move")]
    public Task<IActionResult> Move(string? branch, string? term, int pairId, int memberId)
        => WithBranchAndTerm(branch, term, async (b, t) => Report(await changes.MoveAsync(b, t, pairId, memberId, UserName), b, t));

    [HttpPost("remove")]
    public Task<IActionResult> Remove(string? branch, string? term, int pairId)
        => WithBranchAndTerm(branch, term, async (b, t) => Report(await changes.RemoveAsync(b, t, pairId, UserName), b, t));

    [HttpPost("exclusions")]
    public Task<IActionResult> AddExclusion(string? branch, string? term, int memberId, int personId, string? reason)
        => WithBranchAndTerm(branch, term, async (b, t) => Report(await changes.AddExclusionAsync(b, t, memberId, personId, reason), b, t));

    [HttpPost("exclusions/{id:int}/delete")]
    public Task<IActionResult> RemoveExclusion(int id, string? branch, string? term)
        => WithBranchAndTerm(branch, term, async (b, t) => Report(await changes.RemoveExclusionAsync(b, id), b, t));

    private string UserName => User.Identity?.Name ?? "";

    private string CurrentTerm() => clock.Term.Key;

    private async Task<IActionResult> WithBranchAndTerm(string? branch, string? term, Func<string, string, Task<IActionResult>> action)
    {
        var chosen = string.IsNullOrEmpty(branch) ? null : PairingBranches.Pick(await branches.ChoicesAsync(User), branch);
        if (chosen is null)
        {
            return NotFound();
        }

        if (!SchoolTerm.TryParse(term, out var key, out _, out _))
        {
            TempData.Error(S["'{0}' is not a school term such as {1}.", term ?? "", CurrentTerm()]);
            return Back(chosen.Id, CurrentTerm());
        }

        return await action(chosen.Id, key);
    }

    private IActionResult Report(ChangeResult result, string branch, string term)
    {
        if (!result.Found)
        {
            return NotFound();
        }

        if (result.Done)
        {
            TempData.Success(result.Message);
        }
        else
        {
            TempData.Error(result.Message);
        }

        return Back(branch, term);
    }

    private RedirectResult Back(string branch, string term)
        => Redirect($"/admin/pairing?branch={Uri.EscapeDataString(branch)}&term={Uri.EscapeDataString(term)}");
}
