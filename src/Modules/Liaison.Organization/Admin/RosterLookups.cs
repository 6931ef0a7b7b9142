using Liaison.Organization.Data;
using Liaison.Organization.Services;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Organization.Admin;

internal sealed record Option(string Value, string Text);

/// <summary>The choices of the roster forms and filters (branches, units), limited to what the user manages.</summary>
internal sealed class RosterLookups(LiaisonDbContext db, OrganizationScope organizations)
{
    /// <summary>Branches and groups the user manages, for filters and the branch select.</summary>
    public async Task<IReadOnlyList<Option>> BranchesAsync(UserScope scope, bool withGroups = false)
    {
        var rows = await organizations.Organizations()
            .Where(o => withGroups || o.Kind != OrganizationKind.Group)
            .OrderBy(o => o.Kind).ThenBy(o => o.Name)
            .Select(o => new { o.ContentItemId, o.Name, o.Kind, o.ParentContentItemId })
            .ToListAsync();
        return [.. rows
            .Where(o => scope.ManagesBranch(o.ContentItemId) || (o.Kind == OrganizationKind.Group && scope.ManagesBranch(o.ParentContentItemId)))
            .Select(o => new Option(o.ContentItemId, o.Name))];
    }

    public async Task<IReadOnlyList<Option>> UnitsAsync(UnitKind? kind = null)
        => [.. (await db.Set<Unit>().AsNoTracking()
            .Where(u => kind == null || u.Kind == kind)
            .OrderBy(u => u.Kind).ThenBy(u => u.SortOrder).ThenBy(u => u.Name)
            .Select(u => new { u.Id, u.Name }).ToListAsync())
            .Select(u => new Option(u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), u.Name))];

    /// <summary>Names of all published organizations by id, for showing a row's branch.</summary>
    public async Task<IReadOnlyDictionary<string, string>> OrganizationNamesAsync()
        => (await organizations.Organizations().Select(o => new { o.ContentItemId, o.Name }).ToListAsync())
            .GroupBy(o => o.ContentItemId).ToDictionary(g => g.Key, g => g.First().Name);
}
