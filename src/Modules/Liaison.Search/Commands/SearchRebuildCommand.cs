using System.Diagnostics;
using Liaison.Search.Indexing;
using LiaisonSite.Core.Hosting;
using LiaisonSite.Core.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Liaison.Search.Commands;

/// <summary>
/// <c>search rebuild</c>: empties this node's search index and indexes every published item again, as the admin
/// page's rebuild does — for an operator after restoring a backup, moving a node or a large import, with the site
/// stopped on this node (one process at a time has the node's search folder; a running site has it, and the command says so).
/// </summary>
internal sealed class SearchRebuildCommand(IStringLocalizer<SearchRebuildCommand> S) : ICommandLineCommand
{
    public IReadOnlyList<string> Verb { get; } = ["search", "rebuild"];

    public string Usage => "search rebuild";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
    {
        if (arguments.Count > 0)
        {
            await error.WriteLineAsync(S["Usage: {0}", Usage]);
            return 1;
        }

        if ((await services.GetRequiredService<ISiteService>().GetSettingsAsync()).SetupCompletedUtc is null)
        {
            await error.WriteLineAsync(S["The site is not set up yet: there is nothing to index."]);
            return 1;
        }

        SearchIndexer indexer;
        try
        {
            // Opening the store takes the node's folder for this process, or says who has it.
            services.GetRequiredService<SearchStore>();
            indexer = services.GetRequiredService<SearchIndexer>();
        }
        catch (SearchFolderInUseException e)
        {
            await error.WriteLineAsync(S["The search folder {0} is in use by a running site: stop the site on this node, or rebuild from the admin page (/admin/search/index).", e.Folder]);
            return 1;
        }

        var watch = Stopwatch.StartNew();
        var count = await indexer.RebuildAsync();
        await output.WriteLineAsync(S["The search index was rebuilt from {0} published items in {1:0.0} s.", count, watch.Elapsed.TotalSeconds]);
        return 0;
    }
}
