using Liaison.Contents.Security;
using Liaison.Organization.Data;
using Liaison.Organization.Services;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Organization.Admin;

/// <summary>One organization of the tree; counts and links only where the user manages it.</summary>
internal sealed record OrganizationNode(string Id, string Name, OrganizationKind Kind, bool Published, bool Managed,
    int Members, int Masses, IReadOnlyList<OrganizationNode> Children)
{
    /// <summary>The content editor's own check allows this user to edit the organization's item (the Edit button).</summary>
    public bool Editable { get; init; }
}

internal sealed record OrganizationTreeViewModel(IReadOnlyList<OrganizationNode> Roots, bool CanCreate);

/// <summary>The tree of Party organizations (党委 → 党支部 → 党小组), from the PartyBranch content items.</summary>
[Admin]
[RequirePermission("Organization.ManageBranch")]
[Route("admin/organization")]
internal sealed class OrganizationAdminController(
    LiaisonDbContext db, OrganizationScope organizations, IAuthorizationService authorization) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var scope = await organizations.GetAsync(User);

        // Siblings keep the order they were created in (ids are ULIDs; the demo numbers its branches), not
        // the ordinal order of Chinese names, which would put 第二 before 第一.
        // The latest version names the node (a draft rename shows here first); Published says whether it is live.
        var rows = await db.Set<OrganizationIndex>().AsNoTracking().Where(o => o.Latest || o.Published).ToListAsync();
        var nodes = rows.GroupBy(o => o.ContentItemId)
            .Select(g => (Row: g.FirstOrDefault(o => o.Latest) ?? g.First(), Published: g.Any(o => o.Published)))
            .ToList();
        var members = await db.Set<PartyMember>().Where(m => m.Active)
            .GroupBy(m => new { m.BranchId, m.GroupId }).Select(g => new { g.Key.BranchId, g.Key.GroupId, Count = g.Count() }).ToListAsync();
        var masses = await db.Set<MassPerson>().Where(p => p.Active && p.BranchId != null)
            .GroupBy(p => p.BranchId).Select(g => new { BranchId = g.Key!, Count = g.Count() }).ToListAsync();
        var ids = nodes.Select(n => n.Row.ContentItemId).ToHashSet();

        // The Edit button is shown where the content editor's endpoint would let the user in (same requirement).
        var editable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in await db.ContentItems.AsNoTracking().Where(c => c.Latest && ids.Contains(c.ContentItemId)).ToListAsync())
        {
            if ((await authorization.AuthorizeAsync(User, item, ContentOperationRequirement.For(ContentOperation.Edit))).Succeeded)
            {
                editable.Add(item.ContentItemId);
            }
        }

        OrganizationNode Build((OrganizationIndex Row, bool Published) node)
        {
            var id = node.Row.ContentItemId;
            var managed = scope.ManagesBranch(id) || (node.Row.Kind == OrganizationKind.Group && scope.ManagesBranch(node.Row.ParentContentItemId));
            var children = nodes.Where(n => n.Row.ParentContentItemId == id && n.Row.ContentItemId != id)
                .OrderBy(n => n.Row.Kind).ThenBy(n => n.Row.ContentItemId, StringComparer.Ordinal).Select(Build).ToList();
            return new OrganizationNode(id, node.Row.Name, node.Row.Kind, node.Published, managed,
                managed ? members.Where(m => m.BranchId == id || m.GroupId == id).Sum(m => m.Count) : 0,
                managed ? masses.Where(m => m.BranchId == id).Sum(m => m.Count) : 0,
                children) { Editable = editable.Contains(id) };
        }

        var roots = nodes.Where(n => n.Row.ParentContentItemId is null || !ids.Contains(n.Row.ParentContentItemId))
            .OrderBy(n => n.Row.Kind).ThenBy(n => n.Row.ContentItemId, StringComparer.Ordinal).Select(Build).ToList();
        return View(new OrganizationTreeViewModel(roots, scope.AllBranches));
    }
}
