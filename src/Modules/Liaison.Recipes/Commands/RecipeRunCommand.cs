using Liaison.Recipes.Services;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Events;
using LiaisonSite.Core.Hosting;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Core.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Liaison.Recipes.Commands;

/// <summary>
/// <c>recipe run &lt;file&gt; [--param Name=Value]…</c>: runs a recipe file (or a harvested recipe's name) against the
/// set-up site, with Orchard's recipe parameters (SiteName, AdminUsername, AdminUserId, AdminEmail …), and prints the
/// report of what it skipped or dropped.
/// </summary>
internal sealed class RecipeRunCommand(IStringLocalizer<RecipeRunCommand> S) : ICommandLineCommand
{
    public IReadOnlyList<string> Verb { get; } = ["recipe", "run"];

    public string Usage => "recipe run <file> [--param Name=Value]…";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
    {
        if (!RecipeParameters.TryParseArguments(arguments, out var file, out var parameters, out var bad))
        {
            if (bad is not null)
            {
                await error.WriteLineAsync(S["'{0}' is not a parameter: write --param Name=Value.", bad]);
            }

            await error.WriteLineAsync(S["Usage: {0}", Usage]);
            return 1;
        }

        if ((await services.GetRequiredService<ISiteService>().GetSettingsAsync()).SetupCompletedUtc is null)
        {
            await error.WriteLineAsync(S["The site is not set up yet: run the setup first (the setup page or Liaison:Setup:* settings), then run the recipe."]);
            return 1;
        }

        var (json, folder) = await ReadAsync(services, file);
        if (json is null)
        {
            await error.WriteLineAsync(S["Recipe file '{0}' was not found.", Path.GetFullPath(file)]);
            return 1;
        }

        try
        {
            var result = await services.GetRequiredService<IRecipeExecutor>()
                .ExecuteAsync(json, new RecipeRunOptions { Parameters = parameters, Folder = folder });
            await output.WriteLineAsync(S["Recipe '{0}' ran: {1} steps.", result.Name, result.StepCount]);
            foreach (var note in result.Report.Notes)
            {
                await output.WriteLineAsync(S["Step {0} ('{1}'): {2}", note.StepIndex, note.StepName, note.Message]);
            }

            await DeliverEventsAsync(services, output);

            // A large import changes what the planner should choose; it learns so now, not at the site's next start.
            await DatabaseStatistics.RefreshAsync(services.GetRequiredService<LiaisonDbContext>());
            return 0;
        }
        catch (RecipeException e)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    /// <summary>
    /// What the import raised (an item created, published …) is delivered here, before the command exits, as the
    /// site delivers a request's events after it commits — not left to a running site to find, one sweep at a time.
    /// Events raised less than a minute ago are included; a failing handler's events stay for the site's sweeper.
    /// </summary>
    private async Task DeliverEventsAsync(IServiceProvider services, TextWriter output)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        var lastShown = 0;
        var progress = new SynchronousProgress(count =>
        {
            if (count - lastShown >= 10_000)
            {
                lastShown = count;
                output.WriteLine(S["Events delivered so far: {0}", count]);
            }
        });
        var delivered = await services.GetRequiredService<OutboxDispatcher>()
            .DispatchDueAsync(clock.GetUtcNow().UtcDateTime.AddMinutes(2), budget: null, progress);
        if (delivered > 0)
        {
            await output.WriteLineAsync(S["Events delivered: {0}.", delivered]);
        }
    }

    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    /// <summary>A path first; else the name of a recipe in the recipes folders. With the folder the file is in.</summary>
    private static async Task<(byte[]? Json, string? Folder)> ReadAsync(IServiceProvider services, string fileOrName)
    {
        try
        {
            if (File.Exists(fileOrName))
            {
                // Bytes, not a string: the executor reads a big Content step item by item from them.
                return (await File.ReadAllBytesAsync(fileOrName), Path.GetDirectoryName(Path.GetFullPath(fileOrName)));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, null);
        }

        var harvested = await services.GetRequiredService<IRecipeHarvester>().FindAsync(fileOrName);
        return harvested is null ? (null, null) : (System.Text.Encoding.UTF8.GetBytes(await harvested.ReadAsync()), Path.GetDirectoryName(Path.GetFullPath(harvested.FilePath)));
    }
}
