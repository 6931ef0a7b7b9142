using System.Text.Json.Nodes;
using Liaison.Organization.Data;
using Liaison.Organization.Import;
using Liaison.Organization.Services;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Recipes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Organization.Recipes;

/// <summary>
/// <c>{"name": "Roster", "Units": [{"Name": "语文教研室", "Kind": "TeachingSection", "Branch": "branch-1"}],
/// "Members": "roster/members.csv" | [{…}], "Persons": "roster/persons.csv" | [{…}], "Password": "…"}</c>.
/// Rows go through the same reader and validator as the upload page and are upserted by number, so the step is
/// idempotent; the first bad rows are named in the <see cref="RecipeException"/>. "Password" is for the accounts
/// the step creates for rows whose login name has none yet.
/// </summary>
internal sealed class RosterStep(
    LiaisonDbContext db,
    RosterContextLoader contexts,
    RosterFileReader reader,
    RosterValidator validator,
    RosterImporter importer,
    IRecipeHarvester harvester,
    IStringLocalizer<RosterStep> S) : IRecipeStepHandler
{
    private static readonly UserScope s_everything = new(true, [], null);

    public string Name => "Roster";

    /// <summary>Inline rows come one at a time from the recipe's text: 20,000 of them are never one JSON tree.</summary>
    public IReadOnlyCollection<string> ItemArrays => [nameof(RosterKind.Members), nameof(RosterKind.Persons)];

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        await UnitsAsync(context);
        var password = context.Step.GetString("Password");
        foreach (var kind in new[] { RosterKind.Members, RosterKind.Persons })
        {
            var node = context.Step.GetProperty(kind.ToString());
            if (node is null)
            {
                continue;
            }

            IEnumerable<RosterRow> rows = node is JsonValue path ? await ReadFileAsync(context, path.ToString(), kind)
                : InlineRows(context.ItemsOf(kind.ToString()) ?? throw new RecipeException(S["{0} must be an array of rows or the path of a .csv or .xlsx file.", Label(kind)]), kind);
            var preview = validator.Validate(kind, rows, await contexts.LoadAsync(kind, s_everything));
            if (preview.Errors.Count > 0)
            {
                throw new RecipeException(S["{0}: {1}", Label(kind), string.Join(" ", preview.Errors.Take(5).Select(e => S["row {0}: {1}.", e.Row, e.Message].Value))]);
            }

            try
            {
                await importer.ApplyAsync(preview, password);
            }
            catch (RosterImportException e)
            {
                throw new RecipeException(S["{0}: {1}", Label(kind), S["row {0}: {1}.", e.Row, e.Message]]);
            }

            // Later steps (contacts, pairing) look the rows up by number.
            await db.SaveChangesAsync();
        }
    }

    private string Label(RosterKind kind) => kind == RosterKind.Members ? S["Members"] : S["Persons"];

    private async Task UnitsAsync(RecipeStepContext context)
    {
        var entries = context.Step.GetArray("Units");
        if (entries.Count == 0)
        {
            return;
        }

        var organizations = (await contexts.LoadAsync(RosterKind.Persons, s_everything)).Organizations;
        var units = await db.Set<Unit>().ToDictionaryAsync(u => u.Name);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i] as JsonObject ?? throw new RecipeException(S["Units: entry {0} must be an object.", i + 1]);
            var name = entry.GetString("Name")?.Trim();
            if (string.IsNullOrEmpty(name) || name.Length > 100)
            {
                throw new RecipeException(S["Units: entry {0} needs a \"Name\" of at most 100 characters.", i + 1]);
            }

            UnitKind? kind = entry.GetString("Kind")?.Trim() switch
            {
                "TeachingSection" or "教研室" => UnitKind.TeachingSection,
                "GrassrootsUnit" or "基层单位" => UnitKind.GrassrootsUnit,
                _ => null,
            };
            var branchValue = entry.GetString("Branch");
            var branch = string.IsNullOrWhiteSpace(branchValue) ? null
                : organizations.FirstOrDefault(o => o.ContentItemId == branchValue.Trim() || o.Name == branchValue.Trim())
                    ?? throw new RecipeException(S["Units: {0}: unknown branch \"{1}\".", name, branchValue]);
            if (!units.TryGetValue(name, out var unit))
            {
                db.Add(unit = new Unit { Name = name });
                units[name] = unit;
            }

            unit.Kind = kind ?? throw new RecipeException(S["Units: {0}: \"Kind\" must be TeachingSection or GrassrootsUnit.", name]);
            unit.BranchId = branch?.ContentItemId;
            unit.SortOrder = i;
        }

        await db.SaveChangesAsync();
    }

    /// <summary>The inline rows one at a time, as the validator reads them: only the checked records are held.</summary>
    private IEnumerable<RosterRow> InlineRows(IEnumerable<JsonNode?> entries, RosterKind kind)
    {
        var number = 0;
        foreach (var node in entries)
        {
            number++;
            var entry = node as JsonObject ?? throw new RecipeException(S["{0}: row {1} must be an object.", Label(kind), number]);
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in entry)
            {
                if (RosterColumns.FieldOf(kind, key) is { } field && value is JsonValue)
                {
                    values[field] = value.ToString();
                }
            }

            yield return new RosterRow(number, values);
        }
    }

    private async Task<IReadOnlyList<RosterRow>> ReadFileAsync(RecipeStepContext context, string source, RosterKind kind)
    {
        var recipe = await harvester.FindAsync(context.RecipeName)
            ?? throw new RecipeException(S["{0}: a file path works only for recipes shipped with the site; list the rows inline.", Label(kind)]);
        var folder = Path.GetDirectoryName(Path.GetFullPath(recipe.FilePath))! + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(folder, source));
        if (!full.StartsWith(folder, StringComparison.Ordinal) || !File.Exists(full))
        {
            throw new RecipeException(S["{0}: \"{1}\" is not a file in the recipe's folder.", Label(kind), source]);
        }

        try
        {
            return reader.Read(await File.ReadAllBytesAsync(full), kind);
        }
        catch (RosterFileException e)
        {
            throw new RecipeException(S["{0}: {1}: {2}", Label(kind), source, e.Message]);
        }
    }
}
