using LiaisonSite.Core.Data;
using LiaisonSite.Core.Events;
using LiaisonSite.Core.Hosting;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Core.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Liaison.Recipes.Commands;

/// <summary><c>recipe run &lt;file&gt;</c>: runs a recipe file (or a harvested recipe's name) against the set-up site.</summary>
internal sealed class RecipeRunCommand(IStringLocalizer<RecipeRunCommand> S) : ICommandLineCommand
{
    public IReadOnlyList<string> Verb { get; } = ["recipe", "run"];

    public string Usage => "recipe run <file>";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
    {
        if (arguments.Count != 1)
        {
            await error.WriteLineAsync(S["Usage: {0}", Usage]);
            return 1;
        }

        if ((await services.GetRequiredService<ISiteService>().GetSettingsAsync()).SetupCompletedUtc is null)
        {
            await error.WriteLineAsync(S["The site is not set up yet: run the setup first (the setup page or Liaison:Setup:* settings), then run the recipe."]);
            return 1;
        }

        var json = await ReadAsync(services, arguments[0]);
        if (json is null)
        {
            await error.WriteLineAsync(S["Recipe file '{0}' was not found.", Path.GetFullPath(arguments[0])]);
            return 1;
        }

        try
        {
            var result = await services.GetRequiredService<IRecipeExecutor>().ExecuteAsync(json);
            await output.WriteLineAsync(S["Recipe '{0}' ran: {1} steps.", result.Name, result.StepCount]);
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

    /// <summary>A path first; else the name of a recipe in the recipes folders.</summary>
    private static async Task<string?> ReadAsync(IServiceProvider services, string fileOrName)
    {
        try
        {
            if (File.Exists(fileOrName))
            {
                return await File.ReadAllTextAsync(fileOrName);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var harvested = await services.GetRequiredService<IRecipeHarvester>().FindAsync(fileOrName);
        return harvested is null ? null : await harvested.ReadAsync();
    }
}
