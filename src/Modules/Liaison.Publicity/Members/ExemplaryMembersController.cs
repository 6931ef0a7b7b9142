using LiaisonSite.Core.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Liaison.Publicity.Members;

/// <summary>典型人物: the published exemplary members with their branch, post, honor and stories.</summary>
[AllowAnonymous]
public sealed class ExemplaryMembersController(ExemplaryMemberQuery query) : Controller
{
    [HttpGet("/members/exemplary")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> Index() => View(await query.ListAsync());
}
