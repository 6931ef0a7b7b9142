using Liaison.Organization.Data;
using Liaison.Organization.Services;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Organization.Import;

/// <summary>What a roster is checked against: organizations, units, the rows already stored, and who imports.</summary>
internal sealed class RosterContext
{
    public required UserScope Scope { get; init; }

    public required IReadOnlyList<OrganizationIndex> Organizations { get; init; }

    /// <summary>Units by name: their id and branch.</summary>
    public required IReadOnlyDictionary<string, Unit> Units { get; init; }

    /// <summary>Stored members by number.</summary>
    public required IReadOnlyDictionary<string, (string BranchId, string? UserName)> Members { get; init; }

    /// <summary>Stored persons by kind and number: their branch.</summary>
    public required IReadOnlyDictionary<(PersonKind Kind, string Number), string?> Persons { get; init; }

    /// <summary>
    /// Login names (any case) of the accounts holding a role beyond Member: linking one of them to a roster row gives
    /// the row's member what that account may do, so only the committee (<see cref="UserScope.AllBranches"/>) may.
    /// </summary>
    public required IReadOnlySet<string> PrivilegedAccounts { get; init; }

    /// <summary>The organization a cell names: its id, its full name, or its name without the "（…）" note.</summary>
    public OrganizationIndex? FindOrganization(string value, params OrganizationKind[] kinds)
    {
        var candidates = Organizations.Where(o => kinds.Contains(o.Kind)).ToList();
        return candidates.FirstOrDefault(o => string.Equals(o.ContentItemId, value, StringComparison.OrdinalIgnoreCase))
            ?? candidates.FirstOrDefault(o => o.Name == value)
            ?? candidates.FirstOrDefault(o => ShortName(o.Name) == value);
    }

    /// <summary>
    /// The branch of a row whose branch cell is empty: its unit's branch, else the importing secretary's own.
    /// </summary>
    public OrganizationIndex? DefaultBranch(Unit? unit)
    {
        var id = unit?.BranchId ?? (Scope is { AllBranches: false, BranchIds.Count: 1 } ? Scope.BranchIds[0] : null);
        return id is null ? null : Organizations.FirstOrDefault(o => o.ContentItemId == id);
    }

    private static string ShortName(string name)
    {
        var cut = name.IndexOfAny(['（', '(']);
        return cut > 0 ? name[..cut].Trim() : name;
    }
}

/// <summary>Loads a <see cref="RosterContext"/> in a few queries.</summary>
internal sealed class RosterContextLoader(LiaisonDbContext db)
{
    public async Task<RosterContext> LoadAsync(RosterKind kind, UserScope scope, CancellationToken cancellationToken = default)
    {
        // Latest versions too, so that a recipe's just-created (or a not yet published) organization is known.
        var organizations = (await db.Set<OrganizationIndex>().AsNoTracking().Where(o => o.Published || o.Latest)
                .ToListAsync(cancellationToken))
            .GroupBy(o => o.ContentItemId).Select(g => g.OrderByDescending(o => o.Latest).First()).ToList();
        var units = await db.Set<Unit>().AsNoTracking().ToDictionaryAsync(u => u.Name, cancellationToken);
        var members = kind == RosterKind.Members
            ? (await db.Set<PartyMember>().AsNoTracking().Select(m => new { m.Number, m.BranchId, m.UserName }).ToListAsync(cancellationToken))
                .ToDictionary(m => m.Number, m => (m.BranchId, m.UserName), StringComparer.OrdinalIgnoreCase)
            : [];
        var persons = kind == RosterKind.Persons
            ? (await db.Set<MassPerson>().AsNoTracking().Select(p => new { p.Kind, p.Number, p.BranchId }).ToListAsync(cancellationToken))
                .ToDictionary(p => (p.Kind, p.Number.ToUpperInvariant()), p => p.BranchId)
            : [];
        var privileged = kind == RosterKind.Members
            ? await (from ur in db.UserRoles
                     join r in db.Roles on ur.RoleId equals r.Id
                     join u in db.Users on ur.UserId equals u.Id
                     where r.Name != RoleNames.Member
                     select u.UserName!).Distinct().ToListAsync(cancellationToken)
            : [];
        return new RosterContext
        {
            PrivilegedAccounts = privileged.ToHashSet(StringComparer.OrdinalIgnoreCase),
            Scope = scope,
            Organizations = organizations,
            Units = units,
            Members = members,
            Persons = persons,
        };
    }
}
