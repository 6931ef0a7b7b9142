using System.Text;
using Liaison.Recipes.Services;
using LiaisonSite.Core.Hosting;
using LiaisonSite.Core.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Liaison.Recipes.Commands;

/// <summary>
/// <c>recipe export &lt;file&gt; [--types A,B] [--published]</c>: writes a recipe that sets up another site like this one —
/// the content definitions, the items (published versions and newer drafts; only published with --published), the
/// roles, the site settings, media as Base64 and what other modules export. Without --types every type whose items
/// may leave the site is taken, with the whole media library; with --types only those types and the media their items
/// use. Private types without an export rule are left out and named. Run by the server's operator, not a site user.
/// </summary>
internal sealed class RecipeExportCommand(IStringLocalizer<RecipeExportCommand> S) : ICommandLineCommand
{
    public IReadOnlyList<string> Verb { get; } = ["recipe", "export"];

    public string Usage => "recipe export <file> [--types A,B] [--published]";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
    {
        if (Parse(arguments) is not { } options)
        {
            await error.WriteLineAsync(S["Usage: {0}", Usage]);
            return 1;
        }

        if ((await services.GetRequiredService<ISiteService>().GetSettingsAsync()).SetupCompletedUtc is null)
        {
            await error.WriteLineAsync(S["The site is not set up yet: there is nothing to export."]);
            return 1;
        }

        var exporter = services.GetRequiredService<RecipeExporter>();
        IReadOnlyList<string> types;
        var notes = new List<string>();
        if (options.Types is { } named)
        {
            var resolver = services.GetRequiredService<LiaisonSite.Core.ContentManagement.Metadata.IContentTypeResolver>();
            var unknown = new List<string>();
            foreach (var name in named)
            {
                if (await resolver.ResolveAsync(name) is null)
                {
                    unknown.Add(name);
                }
            }

            if (unknown.Count > 0)
            {
                await error.WriteLineAsync(S["Unknown content type: {0}. Nothing was exported.", string.Join(", ", unknown)]);
                return 1;
            }

            types = named;
        }
        else
        {
            (types, _) = await exporter.ExportableTypesAsync();
        }

        var include = exporter.StepExporters.Select(e => e.Key).ToList();
        if (options.Types is null)
        {
            include.Add(RecipeExporter.AllMedia);
        }

        var result = await exporter.ExportAsync(new RecipeExportRequest(types, types, LatestVersions: false)
        {
            Include = include,
            PublishedAndDrafts = !options.PublishedOnly,
        });
        notes.AddRange(result.Notes);

        var path = Path.GetFullPath(options.File);
        try
        {
            var folder = Path.GetDirectoryName(path)!;
            Directory.CreateDirectory(folder);

            // Written next to the target and moved into place: a failed export never leaves half a recipe behind.
            var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
            await File.WriteAllTextAsync(temporary, result.Recipe.ToJsonString(RecipeExporter.JsonOptions), new UTF8Encoding(false));
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync(S["Cannot write '{0}': {1}", path, e.Message]);
            return 1;
        }

        var steps = result.Recipe["steps"]!.AsArray();
        var items = steps.Where(s => s?["name"]?.ToString() == "Content").Sum(s => s!["data"]!.AsArray().Count);
        await output.WriteLineAsync(S["Exported {0} items and {1} steps to {2}.", items, steps.Count, path]);
        foreach (var note in notes)
        {
            await output.WriteLineAsync(S["Note: {0}", note]);
        }

        return 0;
    }

    private sealed record Options(string File, IReadOnlyList<string>? Types, bool PublishedOnly);

    private static Options? Parse(IReadOnlyList<string> arguments)
    {
        string? file = null;
        IReadOnlyList<string>? types = null;
        var publishedOnly = false;
        for (var i = 0; i < arguments.Count; i++)
        {
            switch (arguments[i])
            {
                case "--types" when i + 1 < arguments.Count && types is null:
                    types = [.. arguments[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                    if (types.Count == 0)
                    {
                        return null;
                    }

                    break;
                case "--published":
                    publishedOnly = true;
                    break;
                case var argument when !argument.StartsWith("--", StringComparison.Ordinal) && file is null:
                    file = argument;
                    break;
                default:
                    return null;
            }
        }

        return file is null ? null : new Options(file, types, publishedOnly);
    }
}
