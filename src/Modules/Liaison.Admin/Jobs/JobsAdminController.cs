using LiaisonSite.Core.Jobs;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Liaison.Admin.Jobs;

/// <summary>
/// The background jobs of every module: schedule, last run (on whichever node ran it), its duration and result,
/// the next run, and "run now". Permission Jobs.Manage, which no role holds by default: administrators only.
/// </summary>
[Admin]
[RequirePermission("Jobs.Manage")]
[Route("admin/jobs")]
public sealed class JobsAdminController(IJobMonitor monitor, IJobScheduler scheduler, IStringLocalizer<JobsAdminController> S) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
        => View(await monitor.ListAsync(cancellationToken));

    [HttpPost("run")]
    public async Task<IActionResult> Run(string? name, CancellationToken cancellationToken)
    {
        var job = (await monitor.ListAsync(cancellationToken)).FirstOrDefault(j => j.Name == name);
        if (job is null || !await scheduler.RunNowAsync(job.Name, cancellationToken))
        {
            TempData.Error(S["There is no such job."]);
            return RedirectToAction(nameof(Index));
        }

        TempData.Success(S["\"{0}\" will run in a moment; reload the page to see its result.", job.DisplayName]);
        return RedirectToAction(nameof(Index));
    }
}
