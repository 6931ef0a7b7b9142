using Liaison.Contacts.Contracts;
using Liaison.Organization.Contracts;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Contacts.MyWork;

/// <summary>
/// 我的联系工作: the signed-in member's contacts by category, partners, contact points and what is due. It takes no
/// id: whose page it is comes from the sign-in, so nobody can open another member's.
/// </summary>
[Admin]
[Route("admin/my-work")]
public sealed class MyWorkController(
    MyWorkService work, IPermissionService permissions, IRosterQueries roster, IAccessLogWriter log, LiaisonDbContext db,
    IEnumerable<Contracts.IMyWorkSection> sections) : Controller
{
    [HttpGet("")]
    [RequirePermission("Admin.Access")]
    public Task<IActionResult> Index() => PageAsync(new Dictionary<string, string>());

    /// <summary>Shows the full phone number of one of the member's own contacts, and logs it.</summary>
    [HttpPost("reveal/{id}")]
    [RequirePermission("Organization.RevealPersonalData")]
    public async Task<IActionResult> Reveal(string id)
    {
        var member = await work.MemberAsync(User);
        var contact = member is null ? null : (await work.ContactsAsync(member)).FirstOrDefault(c => c.ContentItemId == id);
        if (member is null || contact is null)
        {
            return NotFound();
        }

        var phone = await roster.RevealPersonPhoneAsync(contact.PersonId);
        log.Add(User, AccessActions.RevealPhone, contact.PersonId, contact.PersonName, member.BranchId, contact.Category, id, "my-work");
        await db.SaveChangesAsync();
        return await PageAsync(new Dictionary<string, string> { [id] = phone ?? "" });
    }

    private async Task<IActionResult> PageAsync(IReadOnlyDictionary<string, string> revealed)
    {
        var member = await work.MemberAsync(User);
        if (member is null)
        {
            return View("Index", new MyWorkModel(null, [], null, [], [], [], false, revealed, []));
        }

        var contacts = await work.ContactsAsync(member);
        await work.LogViewAsync(User, member, contacts);
        var (term, partners) = await work.PartnersAsync(member);
        var canReveal = await permissions.HasPermissionAsync(User, Organization.Permissions.RevealPersonalData);
        var extra = new List<Contracts.MyWorkSection>();
        foreach (var section in sections.OrderBy(s => s.Order))
        {
            if (await section.BuildAsync(User, member.Id, member.BranchId) is { } built)
            {
                extra.Add(built);
            }
        }

        return View("Index", new MyWorkModel(
            member, contacts, term, partners, await work.PointsAsync(member), work.Due(contacts), canReveal, revealed, extra));
    }
}
