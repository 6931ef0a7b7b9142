using Liaison.Organization.Admin;
using Liaison.Organization.Data;
using LiaisonSite.Core.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Organization.Coverage;

/// <summary>A leading cadre's contact points as the form posts them.</summary>
internal sealed class ContactPointsModel
{
    public List<string> Grades { get; set; } = [];

    /// <summary>Subjects separated by 、 , ， ; or spaces.</summary>
    public string? Subjects { get; set; }

    /// <summary>A list so that two posted values are refused rather than one silently kept (R6: exactly one).</summary>
    public List<string> TeachingSectionIds { get; set; } = [];

    public List<string> GrassrootsUnitIds { get; set; } = [];

    public IReadOnlyList<string> AvailableGrades { get; set; } = [];

    public IReadOnlyList<Option> TeachingSections { get; set; } = [];

    public IReadOnlyList<Option> GrassrootsUnits { get; set; } = [];
}

/// <summary>
/// The rules of R2/R6: only leading cadres have contact points; grades and subjects may be several, the 教研室
/// and the 基层联系点 exactly one each. Saving replaces the cadre's points as a whole.
/// </summary>
internal sealed class ContactPointService(LiaisonDbContext db, RosterLookups lookups, IStringLocalizer<ContactPointService> S)
{
    private static readonly char[] s_separators = ['、', ',', '，', ';', '；', ' ', '\n', '\r', '\t'];

    public async Task<ContactPointsModel> LoadAsync(int memberId, ContactPointsModel? posted = null)
    {
        var model = posted ?? new ContactPointsModel();
        if (posted is null)
        {
            var points = await db.Set<ContactPoint>().AsNoTracking().Where(p => p.MemberId == memberId).ToListAsync();
            model.Grades = [.. points.Where(p => p.Kind == ContactPointKind.Grade).Select(p => p.Value!)];
            model.Subjects = string.Join("、", points.Where(p => p.Kind == ContactPointKind.Subject).Select(p => p.Value));
            model.TeachingSectionIds = [.. points.Where(p => p.Kind == ContactPointKind.TeachingSection).Select(p => Id(p.UnitId!.Value))];
            model.GrassrootsUnitIds = [.. points.Where(p => p.Kind == ContactPointKind.GrassrootsUnit).Select(p => Id(p.UnitId!.Value))];
        }

        var grades = await db.Set<MassPerson>().Where(p => p.Kind == PersonKind.Student && p.Grade != null)
            .Select(p => p.Grade!).Distinct().ToListAsync();
        model.AvailableGrades = [.. grades.Union(model.Grades).Order(StringComparer.Ordinal)];
        model.TeachingSections = await lookups.UnitsAsync(UnitKind.TeachingSection);
        model.GrassrootsUnits = await lookups.UnitsAsync(UnitKind.GrassrootsUnit);
        return model;
    }

    /// <summary>Validates and stages the new points; false (and nothing staged) when a rule is broken.</summary>
    public async Task<bool> SaveAsync(PartyMember member, ContactPointsModel model, ModelStateDictionary errors)
    {
        if (!member.IsLeadingCadre)
        {
            errors.AddModelError("", S["Only leading cadres have contact points."]);
            return false;
        }

        var grades = model.Grades.Select(g => g.Trim()).Where(g => g.Length > 0).Distinct().ToList();
        var subjects = (model.Subjects ?? "").Split(s_separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct().ToList();
        if (grades.Concat(subjects).Any(v => v.Length > 50))
        {
            errors.AddModelError("", S["A grade or subject can have at most 50 characters."]);
        }

        var section = await OneUnitAsync(model.TeachingSectionIds, UnitKind.TeachingSection);
        if (section is null)
        {
            errors.AddModelError(nameof(model.TeachingSectionIds), S["Choose exactly one teaching-research section."]);
        }

        var grassroots = await OneUnitAsync(model.GrassrootsUnitIds, UnitKind.GrassrootsUnit);
        if (grassroots is null)
        {
            errors.AddModelError(nameof(model.GrassrootsUnitIds), S["Choose exactly one grassroots contact unit."]);
        }
        if (!errors.IsValid)
        {
            return false;
        }

        db.RemoveRange(await db.Set<ContactPoint>().Where(p => p.MemberId == member.Id).ToListAsync());
        db.AddRange(grades.Select(g => new ContactPoint { MemberId = member.Id, Kind = ContactPointKind.Grade, Value = g }));
        db.AddRange(subjects.Select(s => new ContactPoint { MemberId = member.Id, Kind = ContactPointKind.Subject, Value = s }));
        db.Add(new ContactPoint { MemberId = member.Id, Kind = ContactPointKind.TeachingSection, UnitId = section });
        db.Add(new ContactPoint { MemberId = member.Id, Kind = ContactPointKind.GrassrootsUnit, UnitId = grassroots });
        return true;
    }

    /// <summary>The one unit of the kind chosen, or null when none, several or a wrong one was posted.</summary>
    private async Task<int?> OneUnitAsync(List<string> posted, UnitKind kind)
    {
        var ids = posted.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct().ToList();
        if (ids.Count != 1 || !int.TryParse(ids[0], System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        return await db.Set<Unit>().AnyAsync(u => u.Id == id && u.Kind == kind) ? id : null;
    }

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
