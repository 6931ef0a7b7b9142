using System.Security.Claims;
using Liaison.Contacts.Parts;
using Liaison.Organization.Contracts;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Contacts.Contracts;

/// <summary>
/// A record about a contact target — a contact assignment, a talk — as the audit sees it: which person, whose branch,
/// and the contact category, of which 2 (hardship) and 4 (assistance) are sensitive (SPEC R1).
/// </summary>
public sealed record SensitiveRecord(string ContentItemId, int PersonId, string? BranchId, int? Category)
{
    public bool IsSensitive => Category is { } category && ContactCategories.IsSensitive(category);
}

/// <summary>
/// Writes the access-log rows for views and exports of sensitive records through Organization's
/// <see cref="IAccessLogWriter"/>, the one writer of that log. Rows are staged in the request's unit of work; the
/// caller saves.
/// </summary>
public sealed class SensitiveRecordLog(IRosterQueries roster, IAccessLogWriter writer)
{
    /// <summary>Stages a row per sensitive record among <paramref name="seen"/>; returns how many.</summary>
    public async Task<int> AddAsync(ClaimsPrincipal user, IEnumerable<SensitiveRecord> seen, string action, string detail)
    {
        var sensitive = seen.Where(s => s.IsSensitive).ToList();
        if (sensitive.Count == 0)
        {
            return 0;
        }

        var personIds = sensitive.Select(s => s.PersonId).Distinct().ToList();
        var names = await roster.Persons().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name);
        foreach (var record in sensitive)
        {
            writer.Add(user, action, record.PersonId, names.GetValueOrDefault(record.PersonId),
                record.BranchId, record.Category, record.ContentItemId, detail);
        }

        return sensitive.Count;
    }

    /// <summary>Stages the rows and saves them when there were any.</summary>
    public async Task AddAndSaveAsync(
        LiaisonDbContext db, ClaimsPrincipal user, IEnumerable<SensitiveRecord> seen, string action, string detail,
        CancellationToken cancellationToken = default)
    {
        if (await AddAsync(user, seen, action, detail) > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}

/// <summary>
/// The export rule for records about contact targets (the recipe export, spreadsheets): only the records the user may
/// see, the sensitive ones only with Contacts.ExportSensitive, and every sensitive one exported logged.
/// </summary>
public sealed class SensitiveRecordExport(IPermissionService permissions, SensitiveRecordLog log, LiaisonDbContext db)
{
    public Task<bool> MayExportSensitiveAsync(ClaimsPrincipal user)
        => user.Identity?.IsAuthenticated == true
            ? permissions.HasPermissionAsync(user, Permissions.ExportSensitive.Name)
            : Task.FromResult(false);

    /// <summary>
    /// Keeps the items of other types as they are; of <paramref name="contentType"/> those among
    /// <paramref name="visibleIds"/> (the user's scope) that the rule allows.
    /// </summary>
    public async Task<IReadOnlyList<ContentItem>> FilterAsync(
        ClaimsPrincipal? user, IReadOnlyList<ContentItem> items, string contentType,
        Func<ClaimsPrincipal, Task<IQueryable<string>>> visibleIds, Func<ContentItem, SensitiveRecord> record,
        CancellationToken cancellationToken)
    {
        if (!items.Any(i => i.ContentType == contentType))
        {
            return items;
        }

        user ??= new ClaimsPrincipal(new ClaimsIdentity());
        var visible = (await (await visibleIds(user)).ToListAsync(cancellationToken)).ToHashSet();
        var sensitiveAllowed = await MayExportSensitiveAsync(user);
        var kept = items.Where(i => i.ContentType != contentType
            || (visible.Contains(i.ContentItemId) && (sensitiveAllowed || !record(i).IsSensitive))).ToList();
        await log.AddAndSaveAsync(db, user, kept.Where(i => i.ContentType == contentType).Select(record),
            AccessActions.Export, "recipe", cancellationToken);
        return kept;
    }
}
