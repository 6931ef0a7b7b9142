using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Liaison.Search.Indexing;

/// <summary>Keeps this node's indexes in step: polls the tasks every second, or at once after a local save.</summary>
internal sealed class IndexingService(SearchIndexer indexer, IndexingSignal signal, ILogger<IndexingService> logger)
    : BackgroundService
{
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await indexer.UpdateAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Before setup the tables do not exist yet; a database hiccup must not stop indexing for good.
                logger.LogDebug(ex, "Indexing pass failed; retrying at the next poll.");
            }

            try
            {
                await signal.WaitAsync(s_pollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
